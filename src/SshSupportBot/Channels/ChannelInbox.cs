using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Channels;

/// <summary>
/// Where every channel hands in work after mapping it: take a place in the queue, claim the event, queue. Claiming
/// here, before the queue, makes concurrent re-deliveries of one event race for one claim instead of for the reply.
/// When the queue is full nothing is claimed and the channel refuses the payload, so the platform delivers it again.
/// </summary>
internal sealed class ChannelInbox(InboxSettings settings, IEventDeduplicator deduplicator, ITurnOutbox outbox, ILogger<ChannelInbox> logger)
{
    public ConversationQueue<InboxWork> Queue { get; } = new(settings.QueueCapacity, work => work.Conversation);

    public async Task<InboxResult> AcceptAsync(InboxWork work, CancellationToken cancellationToken)
    {
        var result = await AdmitAsync(work, cancellationToken);
        InboxMetrics.Accepted.WithLabels(work.Channel.Channel, result.ToString().ToLowerInvariant()).Inc();
        InboxMetrics.Waiting.Set(Queue.Waiting);
        return result;
    }

    private async Task<InboxResult> AdmitAsync(InboxWork work, CancellationToken cancellationToken)
    {
        if (!Queue.TryReserve())
        {
            logger.LogError("Inbox full ({Capacity} turns waiting); {Channel} work refused so that it is delivered again", settings.QueueCapacity, work.Channel.Channel);
            return InboxResult.Full;
        }
        var queued = false;
        try
        {
            if (work is InboxTurn { Message.EventId.Length: > 0 } turn)
            {
                OutboxClaim claim;
                try
                {
                    claim = await ClaimAsync(turn, cancellationToken);
                }
                catch (StorageUnavailableException)
                {
                    logger.LogWarning("Store unreachable; event {EventKey} refused so that it is delivered again", OutboxRecord.KeyFor(turn.Message));
                    return InboxResult.Unavailable;
                }
                if (claim.Decision is OutboxDecision.Done or OutboxDecision.InProgress)
                {
                    logger.LogInformation("Event {EventKey} already taken ({Decision}); not answering again", OutboxRecord.KeyFor(turn.Message), claim.Decision);
                    return InboxResult.Duplicate;
                }
                if (claim.Decision == OutboxDecision.Resend)
                {
                    logger.LogInformation("Event {EventKey} re-delivered after its reply was recorded but not sent; sending the recorded reply", OutboxRecord.KeyFor(turn.Message));
                    work = turn with { RecordedReplies = claim.Replies };
                }
            }
            Queue.Add(work);
            queued = true;
            return InboxResult.Queued;
        }
        finally
        {
            if (!queued)
            {
                Queue.CancelReservation();
            }
        }
    }

    /// <summary>
    /// The outbox claim decides about the event itself. Only a first delivery claims the other keys (the same message
    /// arriving as a second event): a re-delivery after a crash finds them taken by its own first attempt.
    /// </summary>
    private async Task<OutboxClaim> ClaimAsync(InboxTurn turn, CancellationToken cancellationToken)
    {
        var eventKey = OutboxRecord.KeyFor(turn.Message);
        var claim = await outbox.ClaimAsync(eventKey, turn.Address, cancellationToken);
        if (claim.Decision != OutboxDecision.Answer)
        {
            return claim;
        }
        foreach (var key in turn.DedupeKeys)
        {
            if (!await deduplicator.TryClaimAsync(key, settings.DedupeWindow, cancellationToken))
            {
                await outbox.MarkSentAsync(eventKey, cancellationToken);
                return new OutboxClaim(OutboxDecision.Done);
            }
        }
        return claim;
    }
}
