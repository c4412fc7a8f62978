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
    ILogger<TeamsWorker> logger) : BackgroundService
{
    public static readonly TimeSpan ActivityMemory = TimeSpan.FromHours(1);
    private static readonly TimeSpan GreetingMemory = TimeSpan.FromDays(30);
    private const int Parallelism = 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => ConsumeAsync(stoppingToken)));

    private Task ConsumeAsync(CancellationToken stoppingToken) => Hosting.ShutdownGrace.ConsumeAsync(queue.Reader, ProcessAsync, stoppingToken);

    public async Task ProcessAsync(TeamsWorkItem item, CancellationToken ct)
    {
        var activity = item.Activity;
        var conversationId = activity.Conversation?.Id ?? "";
        if (!string.IsNullOrEmpty(activity.Id)
            && !await deduplicator.TryClaimAsync($"teams:{activity.ChannelId}:{conversationId}:{activity.Id}", ActivityMemory, ct))
        {
            logger.LogInformation("Skipping activity {ActivityId}: already answered", activity.Id);
            return;
        }
        try
        {
            switch (item.Action)
            {
                case InboundAction.Turn turn:
                    var replies = await turns.HandleAsync(turn.Message, ct);
                    foreach (var reply in replies)
                    {
                        foreach (var outbound in TeamsReplyRenderer.Render(reply, activity))
                        {
                            await SendAsync(item, outbound, ct);
                        }
                    }
                    break;
                case InboundAction.Greet greet:
                    foreach (var member in greet.Members)
                    {
                        if (await deduplicator.TryClaimAsync($"teams-greet:{conversationId}:{member.Id}", GreetingMemory, ct))
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
            }
            catch (Exception apologyFailure) when (!ct.IsCancellationRequested)
            {
                logger.LogError(apologyFailure, "Could not send the apology for activity {ActivityId}", activity.Id);
            }
        }
    }

    private Task<bool> SendAsync(TeamsWorkItem item, Activity outbound, CancellationToken ct) =>
        connector.ReplyAsync(item.Activity.ServiceUrl!, item.Activity.Conversation!.Id!, item.Activity.Id, outbound, withToken: item.Authenticated, ct);
}
