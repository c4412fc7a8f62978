using SshSupportBot.Languages;
using SshSupportBot.Intents;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Admin;

/// <summary>
/// What every <see cref="IFeedbackStore"/> must do, run against each implementation, so a deployment that moves from SQLite
/// to Redis keeps the same review queue and stats behaviour.
/// </summary>
public abstract class FeedbackStoreContract
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>A fresh, empty store of the implementation under test.</summary>
    private protected abstract IFeedbackStore NewStore(TimeSpan answerWindow);

    private protected IFeedbackStore NewStore() => NewStore(TimeSpan.FromHours(1));

    /// <summary>
    /// The audit rows <paramref name="store"/> wrote, oldest first, read straight from its database: the interface has no
    /// reader for them, so without this the contract could not tell a store that keeps the trail from one that drops it.
    /// </summary>
    private protected abstract Task<IReadOnlyList<AuditRow>> AuditTrailAsync(IFeedbackStore store);

    private static AnswerRecord Answer(string conversation, DateTimeOffset at, string id = "") =>
        new(id == "" ? Guid.NewGuid().ToString("N") : id, conversation, "slack", "how do I copy a key", "copy-key", 0.8125f, Language.En, at);

    private static ReviewItem Item(string text, DateTimeOffset at, string? guess = null) =>
        new(0, text, Language.Ja, guess, 0.25f, ReviewReason.Declined, "teams", at);

    [Fact]
    public async Task A_remembered_answer_is_found_by_its_id_and_as_its_conversations_latest()
    {
        var store = NewStore();
        var first = Answer("slack:C1:U1", Now.AddSeconds(-2));
        var second = Answer("slack:C1:U1", Now);
        await store.RememberAnswerAsync(first, default);
        await store.RememberAnswerAsync(second, default);

        Assert.Equal(first, await store.FindAnswerAsync(first.AnswerId, default));
        Assert.Equal(second, await store.LastAnswerAsync("slack:C1:U1", default));
        Assert.Null(await store.LastAnswerAsync("slack:C1:U2", default));
        Assert.Null(await store.FindAnswerAsync("no-such-answer", default));
    }

    [Fact]
    public async Task An_answer_is_forgotten_once_its_feedback_window_has_passed()
    {
        var store = NewStore(TimeSpan.FromMilliseconds(300));
        var old = Answer("slack:C1:U1", Now);
        await store.RememberAnswerAsync(old, default);

        await Task.Delay(700);
        await store.RememberAnswerAsync(Answer("slack:C2:U1", DateTimeOffset.UtcNow), default);

        Assert.Null(await store.FindAnswerAsync(old.AnswerId, default));
        Assert.False(await store.RecordFeedbackAsync(old.AnswerId, helpful: false, DateTimeOffset.UtcNow, default));
    }

    [Fact]
    public async Task Feedback_is_recorded_once_per_answer_and_never_for_an_unknown_one()
    {
        var store = NewStore();
        var answer = Answer("slack:C1:U1", Now);
        await store.RememberAnswerAsync(answer, default);

        Assert.True(await store.RecordFeedbackAsync(answer.AnswerId, helpful: false, Now, default));
        Assert.False(await store.RecordFeedbackAsync(answer.AnswerId, helpful: true, Now, default));
        Assert.False(await store.RecordFeedbackAsync("no-such-answer", helpful: true, Now, default));

        var stats = await store.StatsAsync(Now.AddMinutes(-1), default);
        Assert.Equal((0, 1), (stats.Helpful, stats.NotHelpful));
    }

    [Fact]
    public async Task Stats_count_the_turns_since_the_given_time_by_outcome_and_by_intent()
    {
        var store = NewStore();
        TurnRecord Turn(TurnOutcome outcome, string? intent, Language language = Language.En, int minutesAgo = 1) =>
            new(Now.AddMinutes(-minutesAgo), "slack", intent, language, outcome);
        foreach (var turn in new[]
        {
            Turn(TurnOutcome.Answered, "copy-key"), Turn(TurnOutcome.Answered, "copy-key"), Turn(TurnOutcome.Answered, "copy-key", Language.Ja),
            Turn(TurnOutcome.LowConfidence, "tunnel"), Turn(TurnOutcome.Declined, null), Turn(TurnOutcome.Flow, "tunnel"),
            Turn(TurnOutcome.Handoff, null), Turn(TurnOutcome.Feedback, null), Turn(TurnOutcome.Admin, null),
            Turn(TurnOutcome.Answered, "copy-key", minutesAgo: 120),
        })
        {
            await store.RecordTurnAsync(turn, default);
        }
        var helpful = Answer("slack:C1:U1", Now.AddMinutes(-1));
        await store.RememberAnswerAsync(helpful, default);
        await store.RecordFeedbackAsync(helpful.AnswerId, helpful: true, Now, default);

        var stats = await store.StatsAsync(Now.AddHours(-1), default);

        Assert.Equal((6, 1, 1, 1, 0, 1), (stats.Turns, stats.Declined, stats.LowConfidence, stats.Helpful, stats.NotHelpful, stats.Handoffs));
        Assert.Equal(("copy-key", Language.En, 2), stats.ByIntent[0]);
        Assert.Equal(
            [("", Language.En, 1), ("copy-key", Language.Ja, 1), ("tunnel", Language.En, 2)],
            stats.ByIntent.Skip(1).OrderBy(i => i.Intent, StringComparer.Ordinal).ThenBy(i => i.Language));
        Assert.Equal(7, (await store.StatsAsync(Now.AddHours(-3), default)).Turns);
    }

    [Fact]
    public async Task Queued_questions_are_pending_in_time_order_one_item_per_question()
    {
        var store = NewStore();
        var later = await store.EnqueueAsync(Item("scp is slow", Now), default);
        var earlier = await store.EnqueueAsync(Item("ssh hangs", Now.AddMinutes(-5), guess: "keepalive"), default);
        var again = await store.EnqueueAsync(Item("scp is slow", Now.AddMinutes(1)), default);

        var pending = await store.PendingAsync(default);

        Assert.Equal(3, new[] { later, earlier, again }.Distinct().Count());
        Assert.Equal([earlier, later, again], pending.Select(i => i.Id));
        Assert.All(pending, i => Assert.Equal(1, i.Count));
        Assert.Equal(new ReviewItem(earlier, "ssh hangs", Language.Ja, "keepalive", 0.25f, ReviewReason.Declined, "teams", Now.AddMinutes(-5)),
            await store.FindItemAsync(earlier, default));
        Assert.Null((await store.FindItemAsync(later, default))!.GuessedIntent);
        Assert.Null(await store.FindItemAsync(later + again + earlier + 1000, default));
    }

    [Fact]
    public async Task Resolving_an_item_closes_every_pending_item_with_the_same_text_and_only_once()
    {
        var store = NewStore();
        var first = await store.EnqueueAsync(Item("scp is slow", Now.AddMinutes(-2)), default);
        var other = await store.EnqueueAsync(Item("ssh hangs", Now.AddMinutes(-1)), default);
        var same = await store.EnqueueAsync(Item("scp is slow", Now), default);

        Assert.Equal(2, await store.ResolveAsync(same, ReviewStatus.Assigned, "scp-speed", "admin@example.com", default));
        Assert.Equal(0, await store.ResolveAsync(first, ReviewStatus.Dismissed, null, "admin@example.com", default));

        Assert.Equal([other], (await store.PendingAsync(default)).Select(i => i.Id));
        Assert.Equal(ReviewStatus.Assigned, (await store.FindItemAsync(first, default))!.Status);
        Assert.Equal(1, await store.ResolveAsync(other, ReviewStatus.Dismissed, null, "admin@example.com", default));
        Assert.Empty(await store.PendingAsync(default));
        Assert.Equal(0, await store.ResolveAsync(12345, ReviewStatus.Dismissed, null, "admin@example.com", default));
    }

    [Fact]
    public async Task Every_admin_action_is_kept_in_the_audit_trail_in_order()
    {
        var store = NewStore();

        await store.AuditAsync("admin@example.com", "assign", "3 -> scp-speed", Now, default);
        await store.AuditAsync("other-admin@example.com", "dismiss", "4", Now.AddSeconds(1), default);

        Assert.Equal(
            [new AuditRow(Now, "admin@example.com", "assign", "3 -> scp-speed"), new AuditRow(Now.AddSeconds(1), "other-admin@example.com", "dismiss", "4")],
            await AuditTrailAsync(store));
    }
}
