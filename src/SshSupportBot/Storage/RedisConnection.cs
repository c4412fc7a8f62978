using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>The one multiplexer per process that every Redis-backed service shares, and the health probe over it.</summary>
internal sealed class RedisConnection : IStorageHealth, IDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;

    public RedisConnection(StorageSettings settings)
    {
        var options = ConfigurationOptions.Parse(settings.Redis!);
        // Start and keep running while Redis is down: the multiplexer reconnects on its own when it returns.
        options.AbortOnConnectFail = false;
        _multiplexer = ConnectionMultiplexer.Connect(options);
        Prefix = settings.RedisKeyPrefix;
    }

    public string Prefix { get; }

    public string Kind => "redis";

    public IDatabase Database => _multiplexer.GetDatabase();

    public bool IsConnected => _multiplexer.IsConnected;

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (!_multiplexer.IsConnected)
        {
            return "redis not connected";
        }
        try
        {
            await Database.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return "redis ping failed: " + e.GetType().Name;
        }
    }

    /// <summary>Runs a Redis call, turning "cannot reach Redis" into <see cref="StorageUnavailableException"/>.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            throw new StorageUnavailableException("Redis is unreachable", e);
        }
    }

    public void Dispose() => _multiplexer.Dispose();
}
