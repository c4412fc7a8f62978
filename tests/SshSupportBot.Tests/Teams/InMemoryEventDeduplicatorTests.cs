using Microsoft.Extensions.Time.Testing;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Teams;

public sealed class InMemoryEventDeduplicatorTests
{
    [Fact]
    public async Task The_first_claim_of_a_key_wins_and_a_repeat_within_the_ttl_loses()
    {
        var dedupe = new InMemoryEventDeduplicator(new FakeTimeProvider());

        Assert.True(await dedupe.TryClaimAsync("teams:a", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.False(await dedupe.TryClaimAsync("teams:a", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.True(await dedupe.TryClaimAsync("teams:b", TimeSpan.FromMinutes(10), CancellationToken.None));
    }

    [Fact]
    public async Task A_key_can_be_claimed_again_after_its_ttl_expires()
    {
        var time = new FakeTimeProvider();
        var dedupe = new InMemoryEventDeduplicator(time);
        Assert.True(await dedupe.TryClaimAsync("teams:a", TimeSpan.FromMinutes(10), CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(11));

        Assert.True(await dedupe.TryClaimAsync("teams:a", TimeSpan.FromMinutes(10), CancellationToken.None));
    }
}
