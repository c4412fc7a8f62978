using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Production.Support;

/// <summary>One real redis-server and a connection to it, for the Redis stores' own tests.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    internal RedisServer Server { get; private set; } = null!;

    internal RedisConnection Connection { get; private set; } = null!;

    internal StorageSettings Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync();
        Settings = new StorageSettings { Redis = Server.ConnectionString, ConversationLockLease = TimeSpan.FromSeconds(2), ConversationLockWait = TimeSpan.FromSeconds(1) };
        Connection = new RedisConnection(Settings);
    }

    public Task DisposeAsync()
    {
        Connection?.Dispose();
        Server?.Dispose();
        return Task.CompletedTask;
    }
}
