using Microsoft.Extensions.Time.Testing;

namespace SshSupportBot.Tests.Probes;

/// <summary>
/// A "now" the test moves by hand (cache and rate-limit windows) with real timers, so the probes' network timeouts
/// against a real sshd still fire: were sshd ever to hang, the test fails on the probe's own timeout instead of hanging.
/// </summary>
internal sealed class ManualNowClock : FakeTimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
