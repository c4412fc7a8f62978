using Microsoft.Extensions.Time.Testing;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackEventDeduplicatorTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Only_the_first_claim_of_a_key_wins()
    {
        var dedupe = new InMemoryEventDeduplicator(new FakeTimeProvider());

        Assert.True(await dedupe.TryClaimAsync("Ev1", Hour, CancellationToken.None));
        Assert.False(await dedupe.TryClaimAsync("Ev1", Hour, CancellationToken.None));
        Assert.True(await dedupe.TryClaimAsync("Ev2", Hour, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_can_be_claimed_again_after_it_expired()
    {
        var time = new FakeTimeProvider();
        var dedupe = new InMemoryEventDeduplicator(time);
        await dedupe.TryClaimAsync("Ev1", Hour, CancellationToken.None);

        time.Advance(Hour - TimeSpan.FromSeconds(1));
        Assert.False(await dedupe.TryClaimAsync("Ev1", Hour, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await dedupe.TryClaimAsync("Ev1", Hour, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_key_have_exactly_one_winner()
    {
        var dedupe = new InMemoryEventDeduplicator(TimeProvider.System);
        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await dedupe.TryClaimAsync("Ev-race", Hour, CancellationToken.None);
        })).ToList();

        start.Set();
        var results = await Task.WhenAll(claims);

        Assert.Single(results, won => won);
    }
}
