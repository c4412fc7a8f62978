using System.Text.Json;
using SshSupportBot.Conversations;

namespace SshSupportBot.Teams;

/// <summary>The one switch from Bot Framework activities to channel-neutral turns.</summary>
internal static class ActivityMapper
{
    public const string ChannelName = "teams";

    /// <summary>The key under which the bot's card buttons carry their choice (Action.Submit data, messageBack value, Action.Execute data).</summary>
    public const string ChoiceKey = "sshbotChoice";

    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public static InboundAction Map(Activity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.From?.Id is not { Length: > 0 } userId)
        {
            return new InboundAction.Ignore("no conversation or sender");
        }
        var eventId = activity.Id ?? "";
        switch (activity.Type)
        {
            case "message" when ChoiceIn(activity.Value) is { } choice:
                return new InboundAction.Turn(new IncomingMessage(ChannelName, conversationId, userId, "", eventId, choice));
            case "message" when MentionStripper.Strip(activity.Text ?? "") is { Length: > 0 } text:
                return new InboundAction.Turn(new IncomingMessage(ChannelName, conversationId, userId, text, eventId));
            case "message":
                return new InboundAction.Ignore("empty message");
            case "invoke" when activity.Name == AdaptiveCardActionInvoke && ExecuteData(activity.Value) is { } data && ChoiceIn(data) is { } choice:
                return new InboundAction.Turn(new IncomingMessage(ChannelName, conversationId, userId, "", eventId, choice));
            case "invoke":
                return new InboundAction.Ignore("invoke the bot does not handle");
            case "conversationUpdate":
                var newcomers = (activity.MembersAdded ?? [])
                    .Where(m => !string.IsNullOrEmpty(m.Id) && m.Id != activity.Recipient?.Id)
                    .ToList();
                return newcomers.Count > 0 ? new InboundAction.Greet(newcomers) : new InboundAction.Ignore("no new members but the bot");
            default:
                return new InboundAction.Ignore("activity type not handled");
        }
    }

    private static TurnAction? ChoiceIn(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(ChoiceKey, out var choice) && choice.ValueKind == JsonValueKind.String
            ? TurnActionCodec.Decode(choice.GetString())
            : null;

    // adaptiveCard/action: value = { action: { type: "Action.Execute", verb, data: {...} }, trigger }
    private static JsonElement? ExecuteData(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var data)
            ? data
            : null;
}
