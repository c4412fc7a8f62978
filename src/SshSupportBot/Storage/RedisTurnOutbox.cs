using SshSupportBot.Conversations;
using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>
/// The outbox in Redis, shared by every replica: one hash per event (address, replies, last touch, sent) and one sorted
/// set of recorded replies not yet sent, by last touch, for the sweep. Every step is one script, so replicas racing for
/// the same event see one decision.
/// </summary>
internal sealed class RedisTurnOutbox(RedisConnection redis, OutboxTiming timing, TimeProvider time) : ITurnOutbox
{
    private const string ClaimScript = """
        local h = KEYS[1]
        local now = tonumber(ARGV[1])
        if redis.call('EXISTS', h) == 0 then
          redis.call('HSET', h, 'a', ARGV[4], 't', now)
          redis.call('PEXPIRE', h, ARGV[5])
          return {'Answer'}
        end
        if redis.call('HEXISTS', h, 'sent') == 1 then return {'Done'} end
        local t = tonumber(redis.call('HGET', h, 't') or '0')
        local r = redis.call('HGET', h, 'r')
        if r then
          if t <= now - tonumber(ARGV[2]) then
            redis.call('HSET', h, 'a', ARGV[4], 't', now)
            redis.call('ZADD', KEYS[2], now, ARGV[6])
            return {'Resend', r}
          end
          return {'InProgress'}
        end
        if t <= now - tonumber(ARGV[3]) then
          redis.call('HSET', h, 'a', ARGV[4], 't', now)
          return {'Retake'}
        end
        return {'InProgress'}
        """;

    private const string RecordScript = """
        if redis.call('HEXISTS', KEYS[1], 'sent') == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'r', ARGV[1], 't', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
        return 1
        """;

    private const string MarkSentScript = """
        redis.call('HSET', KEYS[1], 'sent', ARGV[1], 't', ARGV[1])
        redis.call('HDEL', KEYS[1], 'r', 'a')
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('ZREM', KEYS[2], ARGV[3])
        return 1
        """;

    private const string TakeDueScript = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        local out = {}
        for _, key in ipairs(due) do
          local h = ARGV[3] .. key
          local r = redis.call('HGET', h, 'r')
          local a = redis.call('HGET', h, 'a')
          if r and a and redis.call('HEXISTS', h, 'sent') == 0 then
            redis.call('HSET', h, 't', ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[4], key)
            table.insert(out, key)
            table.insert(out, a)
            table.insert(out, r)
          else
            redis.call('ZREM', KEYS[1], key)
          end
        end
        return out
        """;

    public static RedisKey EntryKey(RedisConnection redis, string eventKey) => redis.Prefix + "outbox:" + eventKey;

    public static RedisKey PendingKey(RedisConnection redis) => redis.Prefix + "outbox-pending";

    public async Task<OutboxClaim> ClaimAsync(string eventKey, string address, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [EntryKey(redis, eventKey), PendingKey(redis)];
        RedisValue[] args = [Now, Ms(timing.ResendAfter), Ms(timing.ClaimLease), address, Ms(timing.Retention), eventKey];
        var result = (RedisResult[])(await EvaluateAsync(ClaimScript, keys, args, cancellationToken))!;
        var decision = Enum.Parse<OutboxDecision>((string)result[0]!);
        if (decision != OutboxDecision.Resend)
        {
            return new OutboxClaim(decision);
        }
        // A record from an incompatible release cannot be re-sent; answering again is the lesser evil.
        return BotReplyJson.Deserialize((string)result[1]!) is { } replies ? new OutboxClaim(decision, replies) : new OutboxClaim(OutboxDecision.Retake);
    }

    public Task RecordAsync(OutboxRecord record, CancellationToken cancellationToken) =>
        EvaluateAsync(RecordScript, [EntryKey(redis, record.EventKey), PendingKey(redis)],
            [BotReplyJson.Serialize(record.Replies), Now, Ms(timing.Retention), record.EventKey], cancellationToken);

    public Task MarkSentAsync(string eventKey, CancellationToken cancellationToken) =>
        EvaluateAsync(MarkSentScript, [EntryKey(redis, eventKey), PendingKey(redis)], [Now, Ms(timing.Retention), eventKey], cancellationToken);

    public async Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = Now;
        RedisValue[] args = [now - Ms(timing.ClaimLease), max, redis.Prefix + "outbox:", now];
        var result = (RedisResult[])(await EvaluateAsync(TakeDueScript, [PendingKey(redis)], args, cancellationToken))!;
        var due = new List<PendingDelivery>();
        for (var i = 0; i + 2 < result.Length; i += 3)
        {
            if (BotReplyJson.Deserialize((string)result[i + 2]!) is { } replies)
            {
                due.Add(new PendingDelivery((string)result[i]!, (string)result[i + 1]!, replies));
            }
        }
        return due;
    }

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] args, CancellationToken cancellationToken) =>
        RedisConnection.GuardAsync(() => redis.Database.ScriptEvaluateAsync(script, keys, args)).WaitAsync(cancellationToken);
}
