using SshSupportBot.Languages;
using System.Text.Json;
using SshSupportBot.Intents;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Admin;
using SshSupportBot.Tests.Production.Support;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Production;

/// <summary>
/// The feedback store contract against a real redis-server, each store under its own key prefix, plus what only a shared
/// store must do: several replicas see one queue and a press taken by two of them at once counts once.
/// </summary>
public sealed class RedisFeedbackStoreTests(RedisFixture redis) : FeedbackStoreContract, IClassFixture<RedisFixture>, IDisposable
{
    private readonly List<RedisConnection> _connections = [];
    private readonly Dictionary<IFeedbackStore, string> _prefixes = [];

    private protected override IFeedbackStore NewStore(TimeSpan answerWindow) => Replica(NewPrefix(), answerWindow);

    private static string NewPrefix() => "test:" + Guid.NewGuid().ToString("N") + ":";

    /// <summary>A store with its own connection, as another replica of the bot would have.</summary>
    private RedisFeedbackStore Replica(string prefix, TimeSpan answerWindow)
    {
        var connection = new RedisConnection(redis.Settings with { RedisKeyPrefix = prefix });
        _connections.Add(connection);
        var store = new RedisFeedbackStore(connection, answerWindow);
        _prefixes.Add(store, prefix);
        return store;
    }

    private protected override async Task<IReadOnlyList<AuditRow>> AuditTrailAsync(IFeedbackStore store)
    {
        var entries = await redis.Connection.Database.ListRangeAsync(_prefixes[store] + "fb:audit");
        return [.. entries.Select(entry =>
        {
            using var json = JsonDocument.Parse(entry.ToString());
            var row = json.RootElement;
            return new AuditRow(DateTimeOffset.FromUnixTimeMilliseconds(row.GetProperty("At").GetInt64()), row.GetProperty("Actor").GetString()!,
                row.GetProperty("Action").GetString()!, row.GetProperty("Detail").GetString()!);
        })];
    }

    [Fact]
    public async Task Two_replicas_on_one_redis_see_and_work_one_review_queue()
    {
        var prefix = NewPrefix();
        var one = Replica(prefix, TimeSpan.FromHours(1));
        var other = Replica(prefix, TimeSpan.FromHours(1));
        var at = DateTimeOffset.UtcNow;

        var first = await one.EnqueueAsync(new ReviewItem(0, "scp is slow", Language.En, null, 0.2f, ReviewReason.Declined, "slack", at), default);
        var second = await other.EnqueueAsync(new ReviewItem(0, "scp is slow", Language.En, null, 0.2f, ReviewReason.NotHelpful, "teams", at.AddSeconds(1)), default);

        Assert.Equal([first, second], (await other.PendingAsync(default)).Select(i => i.Id));
        Assert.Equal(2, await other.ResolveAsync(first, ReviewStatus.Dismissed, null, "admin", default));
        Assert.Empty(await one.PendingAsync(default));
    }

    [Fact]
    public async Task Replicas_enqueueing_at_once_never_hand_out_the_same_id()
    {
        var prefix = NewPrefix();
        var replicas = new[] { Replica(prefix, TimeSpan.FromHours(1)), Replica(prefix, TimeSpan.FromHours(1)) };
        var at = DateTimeOffset.UtcNow;

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => replicas[i % 2].EnqueueAsync(
            new ReviewItem(0, "question " + i, Language.En, null, 0.1f, ReviewReason.LowConfidence, "slack", at), default)));

        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(40, (await replicas[0].PendingAsync(default)).Count);
    }

    [Fact]
    public async Task Feedback_pressed_on_two_replicas_at_once_is_recorded_once()
    {
        var prefix = NewPrefix();
        var one = Replica(prefix, TimeSpan.FromHours(1));
        var other = Replica(prefix, TimeSpan.FromHours(1));
        var at = DateTimeOffset.UtcNow;
        var answer = new AnswerRecord("a1", "slack:C1:U1", "slack", "how do I copy a key", "copy-key", 0.9f, Language.En, at);
        await one.RememberAnswerAsync(answer, default);

        var recorded = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? one : other).RecordFeedbackAsync("a1", helpful: i % 4 < 2, at, default)));

        Assert.Single(recorded, r => r);
        var stats = await other.StatsAsync(at.AddMinutes(-1), default);
        Assert.Equal(1, stats.Helpful + stats.NotHelpful);
    }

    [Fact]
    public async Task Audit_rows_from_every_replica_land_in_one_list_in_order()
    {
        var prefix = NewPrefix();
        var one = Replica(prefix, TimeSpan.FromHours(1));
        var other = Replica(prefix, TimeSpan.FromHours(1));

        await one.AuditAsync("alice", "assign", "3 -> scp-speed", DateTimeOffset.UtcNow, default);
        await other.AuditAsync("bob", "dismiss", "4", DateTimeOffset.UtcNow, default);

        var rows = await redis.Connection.Database.ListRangeAsync(prefix + "fb:audit");
        Assert.Equal(2, rows.Length);
        Assert.Contains("alice", rows[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("bob", rows[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_records_older_than_the_retention_are_trimmed_when_a_new_turn_arrives()
    {
        var prefix = NewPrefix();
        var store = Replica(prefix, TimeSpan.FromHours(1));
        var now = DateTimeOffset.UtcNow;

        await store.RecordTurnAsync(new TurnRecord(now - RedisFeedbackStore.StatsRetention - TimeSpan.FromDays(1), "slack", "x", Language.En, TurnOutcome.Answered), default);
        await store.RecordTurnAsync(new TurnRecord(now, "slack", "x", Language.En, TurnOutcome.Answered), default);

        Assert.Equal(1, await redis.Connection.Database.SortedSetLengthAsync(prefix + "fb:turns"));
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
