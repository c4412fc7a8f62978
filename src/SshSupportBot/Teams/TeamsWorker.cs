using SshSupportBot.Channels;
using SshSupportBot.Common;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Teams;

/// <summary>
/// Works through accepted activities after the endpoint has acknowledged them: claims the activity id (the
/// connector re-sends after 15 s), runs the turn and posts the replies. One error boundary per turn.
/// </summary>
internal sealed class TeamsWorker(
    TeamsWorkQueue queue,
    ITurnHandler turns,
    ConnectorClient connector,
    IEventDeduplicator deduplicator,
    Channels.OutboxDelivery delivery,
    ILogger<TeamsWorker> logger) : BackgroundService
{
    private static readonly TimeSpan GreetingMemory = TimeSpan.FromDays(30);
    private const int Parallelism = 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => ConsumeAsync(stoppingToken)));

    private Task ConsumeAsync(CancellationToken stoppingToken) => Common.ShutdownGrace.ConsumeAsync(queue.Reader, ProcessAsync, stoppingToken);

    public async Task ProcessAsync(TeamsWorkItem item, CancellationToken ct)
    {
        var activity = item.Activity;
        var conversationId = activity.Conversation?.Id ?? "";
        // Turns were claimed in the outbox by the endpoint, before the acknowledgement.
        try
        {
            switch (item.Action)
            {
                case InboundAction.Turn turn:
                    await delivery.DeliverAsync(Conversations.OutboxRecord.KeyFor(turn.Message),
                        () => item.RecordedReplies is { } recorded ? Task.FromResult(recorded) : turns.HandleAsync(turn.Message, ct),
                        (replies, c) => SendAllAsync(item, replies, c), ct, alreadyRecorded: item.RecordedReplies is not null);
                    break;
                case InboundAction.Greet greet:
                    foreach (var member in greet.Members)
                    {
                        if (await ClaimGreetingAsync(conversationId, member, ct))
                        {
                            await SendAsync(item, TeamsReplyRenderer.Greeting(activity, member), ct);
                        }
                    }
                    break;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Failed to answer activity {ActivityId} of type {ActivityType} in {ConversationId}",
                activity.Id, activity.Type, conversationId);
            try
            {
                await SendAsync(item, TeamsReplyRenderer.Apology(activity), ct);
                if (item.Action is InboundAction.Turn answered)
                {
                    await delivery.MarkSentAsync(Conversations.OutboxRecord.KeyFor(answered.Message), ct);
                }
            }
            catch (Exception apologyFailure) when (!ct.IsCancellationRequested)
            {
                logger.LogError(apologyFailure, "Could not send the apology for activity {ActivityId}", activity.Id);
            }
        }
    }

    // A welcome is a courtesy: while the store is down it is skipped rather than risked twice or turned into an apology.
    private async Task<bool> ClaimGreetingAsync(string conversationId, ChannelAccount member, CancellationToken ct)
    {
        try
        {
            return await deduplicator.TryClaimAsync($"teams-greet:{conversationId}:{member.Id}", GreetingMemory, ct);
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Store unreachable; greeting in {ConversationId} skipped", conversationId);
            return false;
        }
    }

    private async Task SendAllAsync(TeamsWorkItem item, IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        foreach (var reply in replies)
        {
            foreach (var outbound in TeamsReplyRenderer.Render(reply, item.Activity))
            {
                await SendAsync(item, outbound, ct);
            }
        }
    }

    private Task<bool> SendAsync(TeamsWorkItem item, Activity outbound, CancellationToken ct) =>
        connector.ReplyAsync(item.Activity.ServiceUrl!, item.Activity.Conversation!.Id!, item.Activity.Id, outbound, withToken: item.Authenticated, ct);
}
