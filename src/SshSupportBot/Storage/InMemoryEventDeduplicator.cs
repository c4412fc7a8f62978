using System.Collections.Concurrent;

namespace SshSupportBot.Storage;

/// <summary>Single-process deduplication; enough for one bot instance, lost on restart.</summary>
internal sealed class InMemoryEventDeduplicator(TimeProvider time) : IEventDeduplicator
{
    // Sweep expired keys now and then instead of on every claim, so a busy bot does not scan the map per event.
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private int _claimsSinceSweep;

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _claimsSinceSweep) % SweepEvery == 0)
        {
            Sweep(now);
        }
        while (true)
        {
            if (_expiries.TryAdd(key, now + ttl))
            {
                return Task.FromResult(true);
            }
            if (!_expiries.TryGetValue(key, out var expiry))
            {
                continue;
            }
            if (expiry > now)
            {
                return Task.FromResult(false);
            }
            // Replacing only the exact expired value keeps two racing claimants from both winning.
            if (_expiries.TryUpdate(key, now + ttl, expiry))
            {
                return Task.FromResult(true);
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }
    }
}
