using SshSupportBot.Common;
using System.Diagnostics;
using SshSupportBot.Conversations;

namespace SshSupportBot.Channels;

/// <summary>Counts and times every turn around the engine, so the engine stays free of telemetry.</summary>
internal sealed class MeteredTurnHandler(ITurnHandler inner, ILogger<MeteredTurnHandler> logger) : ITurnHandler
{
    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        // Ids only: the user's text never goes into a log line or a label.
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["Channel"] = message.Channel,
            ["ConversationId"] = message.ConversationId,
            ["EventId"] = message.EventId,
        });
        var started = Stopwatch.GetTimestamp();
        var replies = await inner.HandleAsync(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        BotMetrics.ReplyLatency.WithLabels(message.Channel).Observe(elapsed.TotalSeconds);
        foreach (var reply in replies)
        {
            BotMetrics.Messages.WithLabels(message.Channel, reply.Classification.Intent).Inc();
            if (reply.Classification.IsOutOfScope)
            {
                BotMetrics.OutOfScope.WithLabels(message.Channel).Inc();
            }
            // Typed, not searched for in the text: every decline names the helpdesk too, and that is no hand-off.
            if (reply.HandoffRequested || reply.FlowEnded == Flows.FlowEnd.Handoff)
            {
                BotMetrics.Handoffs.WithLabels(message.Channel).Inc();
            }
            logger.LogDebug("Turn answered as {Intent} in {ElapsedMs} ms", reply.Classification.Intent, (long)elapsed.TotalMilliseconds);
        }
        return replies;
    }
}
