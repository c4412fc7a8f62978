using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>
/// Set-if-absent with expiry in Redis, so a re-delivery to any replica is answered once. While Redis is unreachable a
/// claim fails with <see cref="StorageUnavailableException"/> and the event is refused (503): a claim kept in one
/// process's memory would let another replica, or this one after Redis returns, answer the re-delivery again.
/// </summary>
internal sealed class RedisEventDeduplicator(RedisConnection redis) : IEventDeduplicator
{
    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken) =>
        RedisConnection.GuardAsync(() => redis.Database.StringSetAsync(redis.Prefix + "event:" + key, 1, ttl, When.NotExists)).WaitAsync(cancellationToken);
}
