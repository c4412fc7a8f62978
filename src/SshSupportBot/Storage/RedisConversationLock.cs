using SshSupportBot.Conversations;
using System.Security.Cryptography;
using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>
/// A lease per conversation in Redis (SET NX PX with a random token), so two replicas never run turns of one
/// conversation at once. The lease is bounded rather than renewed: a turn takes milliseconds, a crashed replica's
/// lease lapses by itself, and should a turn ever outlive it the store's version check still refuses the stale save.
/// </summary>
internal sealed class RedisConversationLock(RedisConnection redis, InProcessConversationLock local, StorageSettings settings) : IConversationLock
{
    // Delete only our own lease: after a lapse another replica may hold the key.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        // Queue this process's own turns locally first, so only one of them at a time polls Redis.
        var inProcess = await local.AcquireAsync(key, cancellationToken);
        try
        {
            var lockKey = (RedisKey)(redis.Prefix + "lock:" + key);
            var token = (RedisValue)Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var deadline = DateTime.UtcNow + settings.ConversationLockWait;
            var pause = 2;
            while (true)
            {
                if (await RedisConnection.GuardAsync(() => redis.Database.StringSetAsync(lockKey, token, settings.ConversationLockLease, When.NotExists)))
                {
                    return new Lease(redis, lockKey, token, inProcess);
                }
                if (DateTime.UtcNow >= deadline)
                {
                    throw new StorageUnavailableException("The conversation stayed locked by another replica.");
                }
                await Task.Delay(pause, cancellationToken);
                pause = Math.Min(pause * 2, 50);
            }
        }
        catch
        {
            await inProcess.DisposeAsync();
            throw;
        }
    }

    private sealed class Lease(RedisConnection redis, RedisKey key, RedisValue token, IAsyncDisposable inProcess) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await redis.Database.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis went away: the lease lapses on its own.
            }
            finally
            {
                await inProcess.DisposeAsync();
            }
        }
    }
}
