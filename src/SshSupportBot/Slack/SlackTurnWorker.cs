using SshSupportBot.Channels;
using SshSupportBot.Common;
using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>Answers queued turns in the background, after Slack has had its acknowledgement.</summary>
internal sealed class SlackTurnWorker(SlackOptions options, SlackTurnQueue queue, ITurnHandler handler, SlackReplySender sender,
    SlackBotIdentity identity, SlackChoiceMarker choiceMarker, Channels.OutboxDelivery delivery, ILogger<SlackTurnWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Learn the bot's user id up front; a failure is logged there and retried on the next turn.
        await Task.Yield();
        _ = await identity.GetUserIdAsync(stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => Task.Run(() => DrainAsync(stoppingToken), stoppingToken)));
    }

    private Task DrainAsync(CancellationToken ct) => Common.ShutdownGrace.ConsumeAsync(queue.Reader, AnswerAsync, ct);

    /// <summary>The one error boundary per turn: whatever fails below is logged and the user gets a short apology.</summary>
    public async Task AnswerAsync(SlackTurn turn, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["EventId"] = turn.Message.EventId, ["SlackChannel"] = turn.Target.Channel });
        try
        {
            // The inbox only knew the bot's id if auth.test had answered by then; check again before answering ourselves.
            if (await identity.GetUserIdAsync(ct) is { } botUserId && turn.Message.UserId == botUserId)
            {
                logger.LogDebug("Slack turn from the bot itself ignored");
                return;
            }
            if (turn.Pressed is { } pressed)
            {
                await choiceMarker.MarkAsync(pressed, turn.Message.UserId, ct);
            }
            var sent = await delivery.DeliverAsync(Conversations.OutboxRecord.KeyFor(turn.Message),
                () => turn.RecordedReplies is { } recorded ? Task.FromResult(recorded) : handler.HandleAsync(turn.Message, ct),
                (replies, c) => sender.SendAsync(turn.Target, replies, c), ct, alreadyRecorded: turn.RecordedReplies is not null);
            logger.LogInformation("Slack turn answered (sent: {Sent}, choice: {IsChoice})", sent, turn.Message.IsChoice);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Slack turn failed");
            try
            {
                await sender.SendAsync(turn.Target, [SlackHelp.Apology], ct);
                await delivery.MarkSentAsync(Conversations.OutboxRecord.KeyFor(turn.Message), ct);
            }
            catch (Exception apologyFailure) when (apologyFailure is not OperationCanceledException)
            {
                logger.LogError(apologyFailure, "Slack apology could not be sent either");
            }
        }
    }
}
