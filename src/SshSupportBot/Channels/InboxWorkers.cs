using SshSupportBot.Common;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Channels;

/// <summary>
/// Answers the inbox's work in the background, after the platform has had its acknowledgement: <see cref="InboxSettings.Workers"/>
/// at once, one conversation's turns in order. On shutdown what was already accepted is finished within <see cref="ShutdownGrace"/>.
/// </summary>
internal sealed class InboxWorkers(ChannelInbox inbox, InboxSettings settings, ITurnHandler handler, OutboxDelivery delivery, ILogger<InboxWorkers> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stopping)
    {
        using var grace = ShutdownGrace.ForTurns(stopping);
        try
        {
            while (!grace.IsCancellationRequested)
            {
                if (inbox.Queue.TryTake(out var work))
                {
                    await RunConversationAsync(work, grace.Token);
                    continue;
                }
                if (stopping.IsCancellationRequested)
                {
                    // Nothing left to start; work parked behind a running turn is finished by that turn's worker.
                    return;
                }
                try
                {
                    await inbox.Queue.WaitToTakeAsync(stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (grace.IsCancellationRequested)
        {
            // The grace ran out: what is left stays claimed in the outbox for a re-delivery or the sweep.
        }
    }

    private async Task RunConversationAsync(InboxWork work, CancellationToken cancellationToken)
    {
        var conversation = work.Conversation;
        var next = work;
        do
        {
            InboxMetrics.Waiting.Set(inbox.Queue.Waiting);
            await AnswerAsync(next, cancellationToken);
        }
        while (inbox.Queue.TryTakeNext(conversation, out next));
    }

    /// <summary>The one error boundary per turn: whatever fails below is logged and counted, and the user gets the channel's apology.</summary>
    public async Task AnswerAsync(InboxWork work, CancellationToken cancellationToken)
    {
        var eventKey = work is InboxTurn turn ? OutboxRecord.KeyFor(turn.Message) : null;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Channel"] = work.Channel.Channel, ["EventKey"] = eventKey });
        try
        {
            switch (work)
            {
                case InboxTurn t:
                    await AnswerTurnAsync(t, cancellationToken);
                    break;
                case InboxChore chore:
                    await chore.RunAsync(cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Channel} turn failed; sending the apology", work.Channel.Channel);
            InboxMetrics.Failed.WithLabels(work.Channel.Channel).Inc();
            try
            {
                await work.Channel.SendApologyAsync(work.Address, cancellationToken);
                if (eventKey is not null)
                {
                    await delivery.MarkSentAsync(eventKey, cancellationToken);
                }
            }
            catch (Exception apologyFailure) when (apologyFailure is not OperationCanceledException)
            {
                logger.LogError(apologyFailure, "{Channel} apology could not be sent either", work.Channel.Channel);
            }
        }
    }

    private async Task AnswerTurnAsync(InboxTurn turn, CancellationToken cancellationToken)
    {
        if (turn.BeforeAnswer is { } before && !await before(cancellationToken))
        {
            return;
        }
        var sent = await delivery.DeliverAsync(OutboxRecord.KeyFor(turn.Message),
            () => turn.RecordedReplies is { } recorded ? Task.FromResult(recorded) : handler.HandleAsync(turn.Message, cancellationToken),
            (replies, c) => turn.Channel.SendAsync(turn.Address, replies, c), cancellationToken, alreadyRecorded: turn.RecordedReplies is not null);
        logger.LogInformation("{Channel} turn answered (sent: {Sent}, choice: {IsChoice})", turn.Channel.Channel, sent, turn.Message.IsChoice);
    }
}
