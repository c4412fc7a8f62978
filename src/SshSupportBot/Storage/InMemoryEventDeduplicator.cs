using System.Collections.Concurrent;

namespace SshSupportBot.Storage;

/// <summary>Single-process deduplication; entries expire so memory stays bounded by the platforms' re-delivery window.</summary>
internal sealed class InMemoryEventDeduplicator(TimeProvider timeProvider) : IEventDeduplicator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> claims = new(StringComparer.Ordinal);
    private long claimsSinceSweep;

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepOccasionally(now);
        while (true)
        {
            if (claims.TryAdd(key, now + ttl))
            {
                return Task.FromResult(true);
            }
            if (claims.TryGetValue(key, out var expires))
            {
                if (expires > now)
                {
                    return Task.FromResult(false);
                }
                // Expired: take it over only if nobody else did in the meantime.
                if (claims.TryUpdate(key, now + ttl, expires))
                {
                    return Task.FromResult(true);
                }
            }
        }
    }

    private void SweepOccasionally(DateTimeOffset now)
    {
        // A full scan on every claim would be quadratic under load; every 256 claims keeps it cheap.
        if (Interlocked.Increment(ref claimsSinceSweep) % 256 != 0)
        {
            return;
        }
        foreach (var (key, expires) in claims)
        {
            if (expires <= now)
            {
                claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expires));
            }
        }
    }
}
