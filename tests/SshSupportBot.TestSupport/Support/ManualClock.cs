namespace SshSupportBot.Tests.Support;

/// <summary>
/// A clock the test moves by hand. Only "now" is faked: timers (and so timeouts) still run in real time, which is what the
/// probes' network timeouts need.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
