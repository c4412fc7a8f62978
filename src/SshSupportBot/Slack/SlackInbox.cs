using SshSupportBot.Storage;

namespace SshSupportBot.Slack;

internal enum InboxResult
{
    Queued,
    Ignored,
    Duplicate,
    Overloaded,
}

/// <summary>
/// Where both transports hand in payloads after acknowledging them: map, claim the event ids, queue. Claiming here,
/// before the queue, makes concurrent re-deliveries of one event race for one claim instead of for the reply.
/// Only the already known bot user id is used: our own posts carry bot_id and are ignored by that even before
/// auth.test has answered, and the acknowledgement never waits on Slack.
/// </summary>
internal sealed class SlackInbox(SlackOptions options, SlackBotIdentity identity, IEventDeduplicator deduplicator, SlackTurnQueue queue, ILogger<SlackInbox> logger)
{
    public async Task<InboxResult> AcceptAsync(SlackInboundPayload payload, string? fallbackDedupeKey, CancellationToken ct)
    {
        var mapping = SlackInbound.Map(payload, identity.KnownUserId, fallbackDedupeKey);
        if (mapping.Turn is not { } turn)
        {
            logger.LogDebug("Slack payload ignored: {Reason}", mapping.IgnoredBecause);
            return InboxResult.Ignored;
        }
        foreach (var key in turn.DedupeKeys)
        {
            if (!await deduplicator.TryClaimAsync(key, options.DedupeWindow, ct))
            {
                logger.LogInformation("Slack event {EventId} already taken; not answering again", turn.Message.EventId);
                return InboxResult.Duplicate;
            }
        }
        if (!queue.TryEnqueue(turn))
        {
            logger.LogError("Slack turn queue is full; event {EventId} dropped", turn.Message.EventId);
            return InboxResult.Overloaded;
        }
        return InboxResult.Queued;
    }
}
