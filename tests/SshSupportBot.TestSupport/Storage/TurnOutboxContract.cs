using SshSupportBot.Languages;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace SshSupportBot.Tests.Storage;

/// <summary>
/// What every <see cref="ITurnOutbox"/> must do, run against each store, so SQLite and Redis deployments recover from a
/// crash the same way: a recorded reply is re-sent and never decided again, a sent one is dropped, a crashed claim retaken.
/// </summary>
public abstract class TurnOutboxContract
{
    private protected static readonly OutboxTiming Timing = new(ClaimLease: TimeSpan.FromSeconds(60), ResendAfter: TimeSpan.FromSeconds(15), Retention: TimeSpan.FromDays(1));

    private protected FakeTimeProvider Clock { get; } = new();

    /// <summary>A fresh outbox and the conversation store that records into it, both on <see cref="Clock"/>.</summary>
    private protected abstract (ITurnOutbox Outbox, IConversationStore? Store) NewOutbox();

    private static string NewEventKey() => "slack:Ev" + Guid.NewGuid().ToString("N");

    private static BotReply Reply(string text) =>
        new(Language.En, new Classification("connection-drops", 1f, [new IntentScore("host-key-changed", 0.25f)], ClassificationSource.Flow), text,
            [new ReplyChoice(new ChooseOption("still-drops"), "It drops after a while")], []);

    [Fact]
    public async Task A_first_delivery_is_answered_and_a_concurrent_redelivery_is_refused_while_it_runs()
    {
        var (outbox, _) = NewOutbox();
        var key = NewEventKey();

        Assert.Equal(OutboxDecision.Answer, (await outbox.ClaimAsync(key, "{\"Channel\":\"D1\"}", default)).Decision);
        Assert.Equal(OutboxDecision.InProgress, (await outbox.ClaimAsync(key, "{\"Channel\":\"D1\"}", default)).Decision);
    }

    [Fact]
    public async Task A_claim_whose_turn_died_before_recording_a_reply_is_taken_again_after_the_lease()
    {
        var (outbox, _) = NewOutbox();
        var key = NewEventKey();
        await outbox.ClaimAsync(key, "a", default);

        Clock.Advance(Timing.ClaimLease - TimeSpan.FromSeconds(1));
        Assert.Equal(OutboxDecision.InProgress, (await outbox.ClaimAsync(key, "a", default)).Decision);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(OutboxDecision.Retake, (await outbox.ClaimAsync(key, "a", default)).Decision);
        Assert.Equal(OutboxDecision.InProgress, (await outbox.ClaimAsync(key, "a", default)).Decision);
    }

    [Fact]
    public async Task A_reply_saved_with_the_state_but_never_marked_sent_is_resent_as_recorded_and_then_dropped()
    {
        var (outbox, store) = NewOutbox();
        var key = NewEventKey();
        await outbox.ClaimAsync(key, "address", default);
        var reply = Reply("Paste the last few lines of `ssh -v`.");
        if (store is not null)
        {
            var state = ConversationState.New("slack:T1:D1:" + Guid.NewGuid().ToString("N"), Clock.GetUtcNow());
            Assert.True(await store.TrySaveAsync(state, new OutboxRecord(key, [reply]), default));
        }
        else
        {
            await outbox.RecordAsync(new OutboxRecord(key, [reply]), default);
        }

        Assert.Equal(OutboxDecision.InProgress, (await outbox.ClaimAsync(key, "address", default)).Decision);
        Clock.Advance(Timing.ResendAfter + TimeSpan.FromSeconds(1));
        var resend = await outbox.ClaimAsync(key, "address", default);
        Assert.Equal(OutboxDecision.Resend, resend.Decision);
        Assert.Equal(reply with { }, Assert.Single(resend.Replies!), new ReplyComparer());
        await outbox.MarkSentAsync(key, default);
        Clock.Advance(Timing.ResendAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(OutboxDecision.Done, (await outbox.ClaimAsync(key, "address", default)).Decision);
        Assert.DoesNotContain(await outbox.TakeDueAsync(100, default), p => p.EventKey == key);
    }

    [Fact]
    public async Task The_sweep_takes_an_unsent_reply_once_with_its_address_and_not_before_the_claim_lease()
    {
        var (outbox, _) = NewOutbox();
        var key = NewEventKey();
        await outbox.ClaimAsync(key, "{\"Channel\":\"D9\"}", default);
        await outbox.RecordAsync(new OutboxRecord(key, [Reply("first"), Reply("second")]), default);

        Clock.Advance(Timing.ResendAfter + TimeSpan.FromSeconds(1));
        // A re-delivery may re-send it now; the sweep waits until no live process can still be sending it.
        Assert.DoesNotContain(await outbox.TakeDueAsync(100, default), p => p.EventKey == key);
        Clock.Advance(Timing.ClaimLease);
        var due = Assert.Single(await outbox.TakeDueAsync(100, default), p => p.EventKey == key);
        Assert.Equal("{\"Channel\":\"D9\"}", due.Address);
        Assert.Equal(["first", "second"], due.Replies.Select(r => r.Text));
        // Taken: a second sweeper (or a re-delivery) in the same moment does not send it too.
        Assert.DoesNotContain(await outbox.TakeDueAsync(100, default), p => p.EventKey == key);
        Assert.Equal(OutboxDecision.InProgress, (await outbox.ClaimAsync(key, "x", default)).Decision);
    }

    [Fact]
    public async Task A_reply_recorded_after_the_event_was_marked_sent_is_not_sent_again()
    {
        var (outbox, _) = NewOutbox();
        var key = NewEventKey();
        await outbox.ClaimAsync(key, "a", default);
        await outbox.MarkSentAsync(key, default);

        await outbox.RecordAsync(new OutboxRecord(key, [Reply("late")]), default);
        Clock.Advance(Timing.ClaimLease + TimeSpan.FromSeconds(1));

        Assert.Equal(OutboxDecision.Done, (await outbox.ClaimAsync(key, "a", default)).Decision);
        Assert.DoesNotContain(await outbox.TakeDueAsync(100, default), p => p.EventKey == key);
    }

    /// <summary>Records holding lists compare by reference; a recorded reply must come back with the same content.</summary>
    private sealed class ReplyComparer : IEqualityComparer<BotReply>
    {
        public bool Equals(BotReply? x, BotReply? y) =>
            x is not null && y is not null && x.Text == y.Text && x.Language == y.Language && x.Classification.Intent == y.Classification.Intent
            && x.Classification.Source == y.Classification.Source && x.Classification.Alternatives.SequenceEqual(y.Classification.Alternatives)
            && x.Choices.SequenceEqual(y.Choices) && x.Findings.Count == y.Findings.Count && x.FlowEnded == y.FlowEnded;

        public int GetHashCode(BotReply obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
