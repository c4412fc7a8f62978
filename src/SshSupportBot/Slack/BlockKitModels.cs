namespace SshSupportBot.Slack;

// The few Block Kit shapes the bot sends; serialized with SlackJson (snake_case, nulls omitted).

internal sealed record TextObject(string Type, string Text)
{
    /// <summary>
    /// True on the bot's mrkdwn: Slack then leaves URLs, channel names and mentions in the text as they are instead of
    /// linking them, so a URL or host pasted by a user never becomes a link. The bot's own links are written as &lt;url|label&gt;.
    /// </summary>
    public bool? Verbatim { get; init; }

    public static TextObject Mrkdwn(string text) => new("mrkdwn", text) { Verbatim = true };

    public static TextObject Plain(string text) => new("plain_text", text);
}

internal sealed record SectionBlock(TextObject Text)
{
    public string Type => "section";
}

internal sealed record ActionsBlock(string BlockId, IReadOnlyList<ButtonElement> Elements)
{
    public string Type => "actions";
}

internal sealed record ButtonElement(TextObject Text, string ActionId, string Value)
{
    public string Type => "button";
}

internal sealed record ContextBlock(IReadOnlyList<TextObject> Elements)
{
    public string Type => "context";
}

/// <summary>One message to send: the fallback <see cref="Text"/> (notifications, old clients) and the blocks.</summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<object> Blocks);
