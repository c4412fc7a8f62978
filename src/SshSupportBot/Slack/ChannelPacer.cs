using System.Collections.Concurrent;

namespace SshSupportBot.Slack;

/// <summary>Spaces the bot's messages to one channel by at least the interval, as Slack asks (about one per second).</summary>
internal sealed class ChannelPacer(TimeProvider time, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextSlot = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        if (interval <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            nextSlot[channel] = slot + interval;
            wait = slot - now;
            if (nextSlot.Count > 1024)
            {
                foreach (var (key, value) in nextSlot)
                {
                    if (value < now)
                    {
                        nextSlot.TryRemove(key, out _);
                    }
                }
            }
        }
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, ct);
    }
}
