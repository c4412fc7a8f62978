using SshSupportBot.Slack;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(4, 4, 8)]
    [InlineData(30, 30, 60)]
    public void Delays_double_with_each_attempt_within_half_to_full_of_the_bounded_ceiling(int attempt, double min, double max)
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(Backoff.Delay(attempt, Base, Max).TotalSeconds, min, max);
        }
    }

    [Fact]
    public void Delays_are_jittered_so_links_do_not_reconnect_in_step()
    {
        var delays = Enumerable.Range(0, 20).Select(_ => Backoff.Delay(3, Base, Max)).Distinct().Count();

        Assert.True(delays > 1);
    }
}
