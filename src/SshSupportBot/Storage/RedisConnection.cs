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
        // While Redis is down a turn should fail over to a stateless answer at once, not wait in a backlog for the timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Come back within about a second of Redis returning, instead of after a growing exponential pause.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
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
