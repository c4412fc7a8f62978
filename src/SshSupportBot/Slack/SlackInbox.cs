using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Slack;

internal enum InboxResult
{
    Queued,
    Ignored,
    Duplicate,
    Overloaded,

    /// <summary>The store cannot be reached to claim the event: refuse it, so Slack re-delivers it later.</summary>
    Unavailable,
}

/// <summary>
/// Where both transports hand in payloads after acknowledging them: map, claim the event ids, queue. Claiming here,
/// before the queue, makes concurrent re-deliveries of one event race for one claim instead of for the reply.
/// Only the already known bot user id is used: our own posts carry bot_id and are ignored by that even before
/// auth.test has answered, and the acknowledgement never waits on Slack.
/// </summary>
internal sealed class SlackInbox(SlackOptions options, SlackBotIdentity identity, IEventDeduplicator deduplicator, ITurnOutbox outbox, SlackTurnQueue queue,
    ILogger<SlackInbox> logger)
{
    public async Task<InboxResult> AcceptAsync(SlackInboundPayload payload, string? fallbackDedupeKey, CancellationToken ct)
    {
        var mapping = SlackInbound.Map(payload, identity.KnownUserId, fallbackDedupeKey);
        if (mapping.Turn is not { } turn)
        {
            logger.LogDebug("Slack payload ignored: {Reason}", mapping.IgnoredBecause);
            return InboxResult.Ignored;
        }
        OutboxClaim claim;
        try
        {
            claim = await ClaimAsync(turn, ct);
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Store unreachable; Slack event {EventId} refused so that Slack delivers it again", turn.Message.EventId);
            return InboxResult.Unavailable;
        }
        if (claim.Decision is OutboxDecision.Done or OutboxDecision.InProgress)
        {
            logger.LogInformation("Slack event {EventId} already taken ({Decision}); not answering again", turn.Message.EventId, claim.Decision);
            return InboxResult.Duplicate;
        }
        if (claim.Decision == OutboxDecision.Resend)
        {
            logger.LogInformation("Slack event {EventId} re-delivered after its reply was recorded but not sent; sending the recorded reply", turn.Message.EventId);
            turn = turn with { RecordedReplies = claim.Replies };
        }
        if (!queue.TryEnqueue(turn))
        {
            logger.LogError("Slack turn queue is full; event {EventId} dropped", turn.Message.EventId);
            return InboxResult.Overloaded;
        }
        return InboxResult.Queued;
    }

    /// <summary>
    /// The outbox claim decides about the event itself. Only a first delivery claims the other keys (the same message
    /// arriving as a second event): a re-delivery after a crash finds them taken by its own first attempt.
    /// </summary>
    private async Task<OutboxClaim> ClaimAsync(SlackTurn turn, CancellationToken ct)
    {
        var eventKey = OutboxRecord.KeyFor(turn.Message);
        var claim = await outbox.ClaimAsync(eventKey, SlackOutboxChannel.Address(turn.Target), ct);
        if (claim.Decision != OutboxDecision.Answer)
        {
            return claim;
        }
        foreach (var key in turn.DedupeKeys)
        {
            if (!await deduplicator.TryClaimAsync(key, options.DedupeWindow, ct))
            {
                await outbox.MarkSentAsync(eventKey, ct);
                return new OutboxClaim(OutboxDecision.Done);
            }
        }
        return claim;
    }
}
