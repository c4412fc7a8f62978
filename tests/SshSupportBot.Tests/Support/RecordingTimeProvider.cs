using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace SshSupportBot.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that never lets a test sleep: every wait is recorded and the clock then jumps past it
/// at once, so retry and back-off waits are asserted, not slept.
/// </summary>
internal sealed class RecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            // Off the caller's stack: Task.Delay assigns its timer field after CreateTimer returns.
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }
        return timer;
    }
}
