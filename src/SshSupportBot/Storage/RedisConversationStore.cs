using SshSupportBot.Common;
using SshSupportBot.Conversations;
using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>Conversation state shared by every replica: one hash per conversation, expiring with the conversation.</summary>
internal sealed class RedisConversationStore(RedisConnection redis, TimeSpan expiry, OutboxTiming? outboxTiming = null, TimeProvider? time = null) : IConversationStore
{
    // Compare-and-set in one script, so no other replica can save between the version check and the write; the turn's
    // replies go into the outbox in the same script, so the state never moves on without them.
    private const string SaveScript = """
        local current = redis.call('HGET', KEYS[1], 'v')
        if (current or '0') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        if #KEYS > 1 and redis.call('HEXISTS', KEYS[2], 'sent') == 0 then
          redis.call('HSET', KEYS[2], 'r', ARGV[5], 't', ARGV[6])
          redis.call('PEXPIRE', KEYS[2], ARGV[7])
          redis.call('ZADD', KEYS[3], ARGV[6], ARGV[8])
        end
        return 1
        """;

    private static readonly RedisValue[] Fields = ["v", "s"];

    private readonly OutboxTiming _outbox = outboxTiming ?? OutboxTiming.From(new StorageSettings());
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<ConversationState?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var values = await RedisConnection.GuardAsync(() => redis.Database.HashGetAsync(Key(key), Fields)).WaitAsync(cancellationToken);
        if (values[0].IsNull || values[1].IsNull || !long.TryParse(values[0].ToString(), out var version))
        {
            return null;
        }
        return ConversationStateJson.Deserialize(values[1].ToString()) is { } state ? state with { Version = version } : null;
    }

    public Task<bool> TrySaveAsync(ConversationState state, CancellationToken cancellationToken) => TrySaveAsync(state, null, cancellationToken);

    public async Task<bool> TrySaveAsync(ConversationState state, OutboxRecord? replies, CancellationToken cancellationToken)
    {
        var saved = state with { Version = state.Version + 1 };
        RedisKey[] keys = replies is null
            ? [Key(state.Key)]
            : [Key(state.Key), RedisTurnOutbox.EntryKey(redis, replies.EventKey), RedisTurnOutbox.PendingKey(redis)];
        RedisValue[] args = replies is null
            ? [state.Version, saved.Version, ConversationStateJson.Serialize(saved), (long)expiry.TotalMilliseconds]
            :
            [
                state.Version, saved.Version, ConversationStateJson.Serialize(saved), (long)expiry.TotalMilliseconds,
                BotReplyJson.Serialize(replies.Replies), _time.GetUtcNow().ToUnixTimeMilliseconds(), (long)_outbox.Retention.TotalMilliseconds, replies.EventKey,
            ];
        var result = await RedisConnection.GuardAsync(() => redis.Database.ScriptEvaluateAsync(SaveScript, keys, args)).WaitAsync(cancellationToken);
        var committed = (long)result == 1;
        if (committed && replies is not null)
        {
            Common.FaultInjection.CrashIfArmed(Common.FaultInjection.AfterCommit, replies.EventKey);
        }
        return committed;
    }

    private RedisKey Key(string conversation) => redis.Prefix + "conv:" + conversation;
}
