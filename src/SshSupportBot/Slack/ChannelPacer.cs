using System.Collections.Concurrent;

namespace SshSupportBot.Slack;

/// <summary>Spaces the bot's messages to one channel by at least the interval, as Slack asks (about one per second).</summary>
internal sealed class ChannelPacer(TimeProvider time, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + interval;
            wait = slot - now;
            if (_nextSlot.Count > 1024)
            {
                foreach (var (key, value) in _nextSlot)
                {
                    if (value < now)
                    {
                        _nextSlot.TryRemove(key, out _);
                    }
                }
            }
        }
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
