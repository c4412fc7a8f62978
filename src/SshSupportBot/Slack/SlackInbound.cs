using System.Text.RegularExpressions;
using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>The one switch from Slack payloads to the channel-neutral <see cref="IncomingMessage"/>.</summary>
internal static partial class SlackInbound
{
    public const string ChannelName = "slack";
    public const string SlashCommandName = "/ssh-help";

    public static SlackMapping Map(SlackInboundPayload payload, string? botUserId, string? fallbackDedupeKey = null) => payload switch
    {
        SlackInboundPayload.Event { Envelope.Type: "event_callback" } e => FromEvent(e.Envelope, botUserId),
        SlackInboundPayload.Event e => SlackMapping.Ignore($"envelope type {e.Envelope.Type}"),
        SlackInboundPayload.Command c => FromCommand(c.Slash, fallbackDedupeKey),
        SlackInboundPayload.Interaction { Payload.Type: "block_actions" } i => FromBlockActions(i.Payload, fallbackDedupeKey),
        SlackInboundPayload.Interaction i => SlackMapping.Ignore($"interaction type {i.Payload.Type}"),
        _ => SlackMapping.Ignore("unknown payload"),
    };

    private static SlackMapping FromEvent(EventsApiEnvelope envelope, string? botUserId)
    {
        if (envelope.Event is not { } ev)
        {
            return SlackMapping.Ignore("event_callback without event");
        }
        if (ev.Type is not ("app_mention" or "message"))
        {
            return SlackMapping.Ignore($"event type {ev.Type}");
        }
        // Edits, deletions, joins and bot posts all carry a subtype; only plain user messages are questions.
        if (ev.Subtype is not null)
        {
            return SlackMapping.Ignore($"message subtype {ev.Subtype}");
        }
        if (ev.BotId is not null || ev.User is null || ev.User == botUserId)
        {
            return SlackMapping.Ignore("message from a bot");
        }
        // Channel messages reach us as app_mention; a plain message event there would answer the same message twice.
        if (ev.Type == "message" && ev.ChannelType != "im")
        {
            return SlackMapping.Ignore($"message in {ev.ChannelType ?? "unknown"} channel without mention");
        }
        if (ev.Channel is null || ev.Ts is null)
        {
            return SlackMapping.Ignore("message without channel or ts");
        }
        var text = StripMentions(ev.Text ?? "");
        var team = envelope.TeamId ?? ev.Team ?? "";
        var isDm = ev.ChannelType == "im";
        // In a DM the bot answers in the conversation itself unless the user wrote in a thread.
        var replyThread = isDm ? ev.ThreadTs : ev.ThreadTs ?? ev.Ts;
        var conversationThread = ev.ThreadTs ?? (isDm ? "im" : ev.Ts);
        var eventId = envelope.EventId ?? $"{ev.Channel}:{ev.Ts}";
        var message = new IncomingMessage(ChannelName, $"{team}:{ev.Channel}:{conversationThread}", ev.User, text, eventId);
        // The same message can arrive as two events (app_mention and message.im); the ts key answers it once.
        return new SlackMapping(new SlackTurn(message, new SlackReplyTarget(ev.Channel, replyThread),
            [$"slack:event:{eventId}", $"slack:message:{team}:{ev.Channel}:{ev.Ts}"]), null);
    }

    private static SlackMapping FromCommand(SlashCommand slash, string? fallbackDedupeKey)
    {
        if (!string.Equals(slash.Command, SlashCommandName, StringComparison.OrdinalIgnoreCase))
        {
            return SlackMapping.Ignore($"slash command {slash.Command}");
        }
        var text = (slash.Text ?? "").Trim();
        if (text.Length == 0 || slash.ChannelId is null || slash.UserId is null)
        {
            return SlackMapping.Ignore("slash command without question");
        }
        var id = slash.TriggerId ?? fallbackDedupeKey ?? Guid.NewGuid().ToString("N");
        var message = new IncomingMessage(ChannelName, $"{slash.TeamId}:{slash.ChannelId}:command:{slash.UserId}", slash.UserId, text, id);
        return new SlackMapping(new SlackTurn(message, new SlackReplyTarget(slash.ChannelId, null, slash.ResponseUrl), [$"slack:command:{id}"]), null);
    }

    private static SlackMapping FromBlockActions(InteractionPayload payload, string? fallbackDedupeKey)
    {
        var action = payload.Actions.FirstOrDefault(a => a.ActionId?.StartsWith(SlackBlockKit.ChoiceActionPrefix, StringComparison.Ordinal) == true);
        if (action?.Value is null)
        {
            return SlackMapping.Ignore("block_actions without one of our buttons");
        }
        if (TurnActionCodec.Decode(action.Value) is not { } pressedAction)
        {
            return SlackMapping.Ignore("a button value the bot did not write (stale or forged)");
        }
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var user = payload.User?.Id;
        if (channel is null || user is null)
        {
            return SlackMapping.Ignore("block_actions without channel or user");
        }
        var team = payload.Team?.Id ?? "";
        var ephemeral = payload.Container?.IsEphemeral == true;
        var threadTs = payload.Container?.ThreadTs ?? payload.Message?.ThreadTs;
        var messageTs = payload.Container?.MessageTs ?? payload.Message?.Ts;
        var isDm = channel.StartsWith('D');
        var conversationThread = ephemeral ? $"command:{user}" : threadTs ?? (isDm ? "im" : messageTs);
        var replyThread = isDm ? threadTs : threadTs ?? messageTs;
        var id = $"{user}:{messageTs}:{action.ActionId}:{action.ActionTs ?? payload.TriggerId ?? fallbackDedupeKey}";
        var message = new IncomingMessage(ChannelName, $"{team}:{channel}:{conversationThread}", user, action.Text?.Text ?? "", id, pressedAction);
        var target = new SlackReplyTarget(channel, replyThread, ephemeral ? payload.ResponseUrl : null);
        // Ephemeral messages cannot be edited with chat.update, so only channel messages get their buttons replaced.
        var pressed = !ephemeral && messageTs is not null && payload.Message?.Blocks is { ValueKind: System.Text.Json.JsonValueKind.Array } blocks
            ? new PressedButton(channel, messageTs, action.Text?.Text ?? action.Value, payload.Message.Text, blocks)
            : null;
        return new SlackMapping(new SlackTurn(message, target, [$"slack:action:{id}"]) { Pressed = pressed }, null);
    }

    // Only the spaces around a mention are folded: pasted ssh output keeps its own spacing.
    public static string StripMentions(string text) => Mention().Replace(text, " ").Trim();

    [GeneratedRegex(@"[ \t]*<@[UW][A-Z0-9]+(\|[^>]*)?>[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
