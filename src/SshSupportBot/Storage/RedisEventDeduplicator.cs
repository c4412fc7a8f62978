using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>
/// Set-if-absent with expiry in Redis, so a re-delivery to any replica is answered once. While Redis is unreachable the
/// claims fall back to this process's memory: answering a rare duplicate beats answering nothing.
/// </summary>
internal sealed class RedisEventDeduplicator(RedisConnection redis, InMemoryEventDeduplicator fallback, ILogger<RedisEventDeduplicator> logger)
    : IEventDeduplicator
{
    public async Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct)
    {
        if (redis.IsConnected)
        {
            try
            {
                return await redis.Database.StringSetAsync(redis.Prefix + "event:" + key, 1, ttl, When.NotExists).WaitAsync(ct);
            }
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
            {
                logger.LogWarning("Redis unreachable while claiming event {DedupeKey}; deduplicating in this process only", key);
            }
        }
        return await fallback.TryClaimAsync(key, ttl, ct);
    }
}
