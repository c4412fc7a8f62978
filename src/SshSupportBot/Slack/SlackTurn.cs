using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>Where the replies to a turn go: a channel (and thread), or a slash command's or ephemeral message's response_url.</summary>
internal sealed record SlackReplyTarget(string Channel, string? ThreadTs, string? ResponseUrl = null);

/// <summary>A mapped Slack payload: the turn, where its replies go, and the other keys of the same message (claimed with it by the inbox).</summary>
internal sealed record SlackTurn(IncomingMessage Message, SlackReplyTarget Target, IReadOnlyList<string> DedupeKeys)
{
    /// <summary>Set for a button press on a channel message, so that the buttons are replaced with the choice made before the answer.</summary>
    public PressedButton? Pressed { get; init; }
}

/// <summary>The message whose button was pressed, with its blocks as Slack sent them back.</summary>
internal sealed record PressedButton(string Channel, string MessageTs, string Label, string? FallbackText, System.Text.Json.JsonElement Blocks);

/// <summary>A mapped payload: a turn to answer, or the reason it is ignored (for the log, never containing user text).</summary>
internal sealed record SlackMapping(SlackTurn? Turn, string? IgnoredBecause)
{
    public static SlackMapping Ignore(string reason) => new(null, reason);
}
