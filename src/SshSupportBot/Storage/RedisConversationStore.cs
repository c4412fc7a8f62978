using SshSupportBot.Conversations;
using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>Conversation state shared by every replica: one hash per conversation, expiring with the conversation.</summary>
internal sealed class RedisConversationStore(RedisConnection redis, TimeSpan expiry) : IConversationStore
{
    // Compare-and-set in one script, so no other replica can save between the version check and the write.
    private const string SaveScript = """
        local current = redis.call('HGET', KEYS[1], 'v')
        if (current or '0') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    private static readonly RedisValue[] Fields = ["v", "s"];

    public async Task<ConversationState?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var values = await RedisConnection.GuardAsync(() => redis.Database.HashGetAsync(Key(key), Fields)).WaitAsync(cancellationToken);
        if (values[0].IsNull || values[1].IsNull || !long.TryParse(values[0].ToString(), out var version))
        {
            return null;
        }
        return ConversationStateJson.Deserialize(values[1].ToString()) is { } state ? state with { Version = version } : null;
    }

    public async Task<bool> TrySaveAsync(ConversationState state, CancellationToken cancellationToken)
    {
        var saved = state with { Version = state.Version + 1 };
        RedisKey[] keys = [Key(state.Key)];
        RedisValue[] args = [state.Version, saved.Version, ConversationStateJson.Serialize(saved), (long)expiry.TotalMilliseconds];
        var result = await RedisConnection.GuardAsync(() => redis.Database.ScriptEvaluateAsync(SaveScript, keys, args)).WaitAsync(cancellationToken);
        return (long)result == 1;
    }

    private RedisKey Key(string conversation) => redis.Prefix + "conv:" + conversation;
}
