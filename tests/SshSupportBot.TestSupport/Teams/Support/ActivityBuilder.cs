namespace SshSupportBot.Tests.Teams.Support;

/// <summary>Activities shaped like the ones Teams sends, as plain objects serialized the way the wire has them.</summary>
internal static class ActivityBuilder
{
    public const string BotId = "28:bot-id";
    public const string UserId = "29:user-id";
    public const string ConversationId = "a:conversation-1";

    public static Dictionary<string, object?> Message(string text, string serviceUrl, string? id = null, string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new { id = UserId, name = "User" },
        ["recipient"] = new { id = BotId, name = "SSH bot" },
        ["conversation"] = new { id = ConversationId, tenantId = "tenant", conversationType = "personal" },
        ["text"] = text,
        ["locale"] = "en-US",
        ["entities"] = new object[] { new { type = "clientInfo", locale = "en-US" } },
    };

    public static Dictionary<string, object?> Submit(string choice, string serviceUrl)
    {
        var activity = Message("", serviceUrl);
        activity.Remove("text");
        activity["value"] = new Dictionary<string, string> { ["sshbotChoice"] = choice };
        return activity;
    }

    public static Dictionary<string, object?> AdaptiveCardInvoke(string choice, string serviceUrl)
    {
        var activity = Message("", serviceUrl);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new
        {
            action = new { type = "Action.Execute", verb = "choose", data = new Dictionary<string, string> { ["sshbotChoice"] = choice } },
            trigger = "manual",
        };
        return activity;
    }

    public static Dictionary<string, object?> MembersAdded(string serviceUrl, string id, params string[] memberIds)
    {
        var activity = Message("", serviceUrl, id);
        activity.Remove("text");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = memberIds.Select(m => new { id = m }).ToArray();
        return activity;
    }
}
