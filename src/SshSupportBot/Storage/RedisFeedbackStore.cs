using SshSupportBot.Languages;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SshSupportBot.Intents;
using StackExchange.Redis;

namespace SshSupportBot.Storage;

/// <summary>
/// The feedback data in Redis, so every replica feeds one review queue and one set of stats. Each multi-step change is a
/// script, because two replicas may act on the same answer or queue item at the same moment.
/// </summary>
internal sealed class RedisFeedbackStore(RedisConnection redis, TimeSpan answerWindow) : IFeedbackStore
{
    /// <summary>Turn counts and feedback outcomes are kept this long; the stats never look further back in practice.</summary>
    public static readonly TimeSpan StatsRetention = TimeSpan.FromDays(90);

    // The answer and its conversation's "latest" pointer expire together with the window, so a 👎 after it finds nothing.
    private const string RememberScript = """
        redis.call('HSET', KEYS[1], 'conversation', ARGV[2], 'channel', ARGV[3], 'text', ARGV[4], 'intent', ARGV[5],
            'confidence', ARGV[6], 'language', ARGV[7], 'at', ARGV[8])
        redis.call('PEXPIRE', KEYS[1], ARGV[9])
        local latest = tonumber(redis.call('HGET', KEYS[2], 'at') or '-1')
        if tonumber(ARGV[8]) >= latest then
            redis.call('HSET', KEYS[2], 'id', ARGV[1], 'at', ARGV[8])
        end
        redis.call('PEXPIRE', KEYS[2], ARGV[9])
        return 1
        """;

    // HSETNX inside the script is what makes "feedback once" hold when two replicas take the same press.
    private const string FeedbackScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        if redis.call('HSETNX', KEYS[1], 'helpful', ARGV[1]) == 0 then return 0 end
        local at = redis.call('HGET', KEYS[1], 'at')
        redis.call('ZADD', KEYS[2], at, ARGV[2] .. '|' .. ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])
        return 1
        """;

    private const string EnqueueScript = """
        local id = redis.call('INCR', KEYS[1])
        redis.call('HSET', KEYS[2] .. id, 'text', ARGV[1], 'language', ARGV[2], 'confidence', ARGV[4], 'reason', ARGV[5],
            'channel', ARGV[6], 'at', ARGV[7], 'status', 'Pending')
        if ARGV[3] ~= '' then redis.call('HSET', KEYS[2] .. id, 'guessed_intent', ARGV[3]) end
        redis.call('ZADD', KEYS[3], ARGV[7], id)
        return id
        """;

    // The item keys are built in the script: the queue lives on one Redis (no cluster), and the scan must see a consistent queue.
    private const string ResolveScript = """
        local text = redis.call('HGET', KEYS[1] .. ARGV[1], 'text')
        if not text then return 0 end
        local closed = 0
        for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
            local key = KEYS[1] .. id
            if redis.call('HGET', key, 'text') == text then
                redis.call('HSET', key, 'status', ARGV[2], 'resolved_by', ARGV[4])
                if ARGV[3] == '' then redis.call('HDEL', key, 'assigned_intent') else redis.call('HSET', key, 'assigned_intent', ARGV[3]) end
                redis.call('ZREM', KEYS[2], id)
                closed = closed + 1
            end
        end
        return closed
        """;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly TurnOutcome[] ConversationalOutcomes = [TurnOutcome.Answered, TurnOutcome.LowConfidence, TurnOutcome.Declined, TurnOutcome.Flow];

    public async Task RecordTurnAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        // The nonce keeps two identical turns in the same millisecond from collapsing into one sorted-set member.
        var member = JsonSerializer.Serialize(new StoredTurn(turn.Channel, turn.Intent, turn.Language, turn.Outcome, Guid.NewGuid().ToString("N")), Json);
        var at = turn.At.ToUnixTimeMilliseconds();
        var transaction = redis.Database.CreateTransaction();
        _ = transaction.SortedSetAddAsync(Key("turns"), member, at);
        _ = transaction.SortedSetRemoveRangeByScoreAsync(Key("turns"), double.NegativeInfinity, at - (long)StatsRetention.TotalMilliseconds, Exclude.Stop);
        await Guard(() => transaction.ExecuteAsync(), cancellationToken);
    }

    public async Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [AnswerKey(answer.AnswerId), Key("last:" + answer.ConversationKey)];
        RedisValue[] args = [answer.AnswerId, answer.ConversationKey, answer.Channel, answer.Text, answer.Intent,
            answer.Confidence.ToString("R", CultureInfo.InvariantCulture), answer.Language.ToString(), answer.At.ToUnixTimeMilliseconds(),
            (long)answerWindow.TotalMilliseconds];
        await Guard(() => redis.Database.ScriptEvaluateAsync(RememberScript, keys, args), cancellationToken);
    }

    public async Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken)
    {
        var fields = await Guard(() => redis.Database.HashGetAllAsync(AnswerKey(answerId)), cancellationToken);
        return fields.Length == 0 ? null : ReadAnswer(answerId, fields.ToStringDictionary());
    }

    public async Task<AnswerRecord?> LastAnswerAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var id = await Guard(() => redis.Database.HashGetAsync(Key("last:" + conversationKey), "id"), cancellationToken);
        return id.IsNull ? null : await FindAnswerAsync(id.ToString(), cancellationToken);
    }

    public async Task<bool> RecordFeedbackAsync(string answerId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [AnswerKey(answerId), Key("feedback")];
        RedisValue[] args = [helpful ? 1 : 0, answerId, (at - StatsRetention).ToUnixTimeMilliseconds()];
        return (long)await Guard(() => redis.Database.ScriptEvaluateAsync(FeedbackScript, keys, args), cancellationToken) == 1;
    }

    public async Task<long> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [Key("review:next"), Key("review:item:"), Key("review:pending")];
        RedisValue[] args = [item.Text, item.Language.ToString(), item.GuessedIntent ?? "", item.Confidence.ToString("R", CultureInfo.InvariantCulture),
            item.Reason.ToString(), item.Channel, item.At.ToUnixTimeMilliseconds()];
        return (long)await Guard(() => redis.Database.ScriptEvaluateAsync(EnqueueScript, keys, args), cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewItem>> PendingAsync(CancellationToken cancellationToken)
    {
        var ids = await Guard(() => redis.Database.SortedSetRangeByRankAsync(Key("review:pending")), cancellationToken);
        var batch = redis.Database.CreateBatch();
        var reads = ids.Select(id => (Id: (long)id, Fields: batch.HashGetAllAsync(ItemKey((long)id)))).ToList();
        batch.Execute();
        var items = new List<ReviewItem>();
        foreach (var (id, fields) in reads)
        {
            var values = await Guard(() => fields, cancellationToken);
            // An item resolved between the two reads is simply no longer pending.
            if (values.Length > 0 && ReadItem(id, values.ToStringDictionary()) is { Status: ReviewStatus.Pending } item)
            {
                items.Add(item);
            }
        }
        return items.OrderBy(i => i.At).ThenBy(i => i.Id).ToList();
    }

    public async Task<ReviewItem?> FindItemAsync(long id, CancellationToken cancellationToken)
    {
        var fields = await Guard(() => redis.Database.HashGetAllAsync(ItemKey(id)), cancellationToken);
        return fields.Length == 0 ? null : ReadItem(id, fields.ToStringDictionary());
    }

    public async Task<int> ResolveAsync(long id, ReviewStatus status, string? intent, string actor, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [Key("review:item:"), Key("review:pending")];
        RedisValue[] args = [id, status.ToString(), intent ?? "", actor];
        return (int)(long)await Guard(() => redis.Database.ScriptEvaluateAsync(ResolveScript, keys, args), cancellationToken);
    }

    public async Task AuditAsync(string actor, string action, string detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entry = JsonSerializer.Serialize(new StoredAudit(at.ToUnixTimeMilliseconds(), actor, action, detail), Json);
        await Guard(() => redis.Database.ListRightPushAsync(Key("audit"), entry), cancellationToken);
    }

    public async Task<UsageStats> StatsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUnixTimeMilliseconds();
        var turnMembers = await Guard(() => redis.Database.SortedSetRangeByScoreAsync(Key("turns"), from), cancellationToken);
        var feedbackMembers = await Guard(() => redis.Database.SortedSetRangeByScoreAsync(Key("feedback"), from), cancellationToken);
        var turns = turnMembers.Select(m => JsonSerializer.Deserialize<StoredTurn>(m.ToString(), Json)).OfType<StoredTurn>().ToList();
        int Count(TurnOutcome outcome) => turns.Count(t => t.Outcome == outcome);
        var conversational = turns.Where(t => ConversationalOutcomes.Contains(t.Outcome)).ToList();
        var byIntent = conversational
            .GroupBy(t => (Intent: t.Intent ?? "", t.Language))
            .Select(g => (g.Key.Intent, g.Key.Language, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Intent, StringComparer.Ordinal).ThenBy(g => g.Language)
            .ToList();
        var helpful = feedbackMembers.Count(m => m.ToString().EndsWith("|1", StringComparison.Ordinal));
        return new UsageStats(since, conversational.Count, Count(TurnOutcome.Declined), Count(TurnOutcome.LowConfidence),
            helpful, feedbackMembers.Length - helpful, Count(TurnOutcome.Handoff), byIntent);
    }

    private static AnswerRecord ReadAnswer(string answerId, Dictionary<string, string> f) => new(answerId, f["conversation"], f["channel"],
        f["text"], f["intent"], float.Parse(f["confidence"], CultureInfo.InvariantCulture), Enum.Parse<Language>(f["language"]),
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f["at"], CultureInfo.InvariantCulture)));

    private static ReviewItem ReadItem(long id, Dictionary<string, string> f) => new(id, f["text"], Enum.Parse<Language>(f["language"]),
        f.GetValueOrDefault("guessed_intent"), float.Parse(f["confidence"], CultureInfo.InvariantCulture), Enum.Parse<ReviewReason>(f["reason"]),
        f["channel"], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f["at"], CultureInfo.InvariantCulture)), Enum.Parse<ReviewStatus>(f["status"]));

    private static async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        await RedisConnection.GuardAsync(call).WaitAsync(cancellationToken);

    private RedisKey Key(string name) => redis.Prefix + "fb:" + name;

    private RedisKey AnswerKey(string answerId) => Key("answer:" + answerId);

    private RedisKey ItemKey(long id) => Key("review:item:" + id.ToString(CultureInfo.InvariantCulture));

    private sealed record StoredTurn(string Channel, string? Intent, Language Language, TurnOutcome Outcome, string Nonce);

    private sealed record StoredAudit(long At, string Actor, string Action, string Detail);
}
