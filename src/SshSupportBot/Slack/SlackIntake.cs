using SshSupportBot.Channels;

namespace SshSupportBot.Slack;

/// <summary>
/// Where both transports hand in payloads after verifying them: map, then give the turn to the shared inbox. Only the
/// already known bot user id is used: our own posts carry bot_id and are ignored by that even before auth.test has
/// answered, and the acknowledgement never waits on Slack.
/// </summary>
internal sealed class SlackIntake(SlackBotIdentity identity, SlackChoiceMarker choiceMarker, SlackOutboxChannel channel, ChannelInbox inbox,
    ILogger<SlackIntake> logger)
{
    public async Task<InboxResult> AcceptAsync(SlackInboundPayload payload, string? fallbackDedupeKey, CancellationToken cancellationToken)
    {
        var mapping = SlackInbound.Map(payload, identity.KnownUserId, fallbackDedupeKey);
        if (mapping.Turn is not { } turn)
        {
            logger.LogDebug("Slack payload ignored: {Reason}", mapping.IgnoredBecause);
            return InboxResult.Ignored;
        }
        return await inbox.AcceptAsync(new InboxTurn(turn.Message, SlackOutboxChannel.Address(turn.Target), channel)
        {
            DedupeKeys = turn.DedupeKeys,
            BeforeAnswer = c => BeforeAnswerAsync(turn, c),
        }, cancellationToken);
    }

    private async Task<bool> BeforeAnswerAsync(SlackTurn turn, CancellationToken cancellationToken)
    {
        // The intake only knew the bot's id if auth.test had answered by then; check again before answering ourselves.
        if (await identity.GetUserIdAsync(cancellationToken) is { } botUserId && turn.Message.UserId == botUserId)
        {
            logger.LogDebug("Slack turn from the bot itself ignored");
            return false;
        }
        if (turn.Pressed is { } pressed)
        {
            await choiceMarker.MarkAsync(pressed, turn.Message.UserId, cancellationToken);
        }
        return true;
    }
}
