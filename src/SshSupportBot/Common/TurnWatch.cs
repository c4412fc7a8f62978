using System.Collections.Concurrent;

namespace SshSupportBot.Common;

/// <summary>
/// Turns abandoned past their budget whose computation is still running. Such a computation cannot be stopped from
/// outside (a CPU-bound loop does not look at its cancellation token), so the replica reports itself not ready once one
/// has run past <see cref="Conversations.BotSettings.StuckTurnLimit"/>, and the platform restarts it.
/// </summary>
internal sealed class TurnWatch(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (string Channel, DateTimeOffset Since)> _running = new();
    private long _next;

    public int StillRunning => _running.Count;

    /// <param name="started">When the turn began.</param>
    /// <param name="turn">The abandoned computation; it leaves the watch when it finally ends.</param>
    public void Abandoned(string channel, DateTimeOffset started, Task turn)
    {
        var id = Interlocked.Increment(ref _next);
        _running[id] = (channel, started);
        BotMetrics.RunawayTurns.Inc();
        turn.ContinueWith(_ =>
        {
            if (_running.TryRemove(id, out var _))
            {
                BotMetrics.RunawayTurns.Dec();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Why the replica should be restarted, or null.</summary>
    public string? Problem(TimeSpan limit)
    {
        var now = time.GetUtcNow();
        var stuck = _running.Values.Where(t => now - t.Since > limit).ToList();
        if (stuck.Count == 0)
        {
            return null;
        }
        var channels = string.Join(", ", stuck.Select(t => t.Channel).Distinct().Order(StringComparer.Ordinal));
        return $"{stuck.Count} abandoned turn(s) ({channels}) still computing after more than {limit.TotalSeconds:0} s; restart to free the CPU";
    }
}
