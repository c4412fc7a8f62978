namespace SshSupportBot.Conversations;

/// <summary>
/// One user turn, whatever channel it came from. Every adapter maps its payloads into this with one switch.
/// </summary>
/// <param name="Channel">The name the channel goes by: its metrics label, and the key of its admins (<c>Admin:&lt;Channel&gt;UserIds</c>).</param>
/// <param name="ConversationId">Stable key of the conversation within the channel (for Slack: team, channel and thread).</param>
/// <param name="UserId">The channel's id of the user who wrote.</param>
/// <param name="Text">What the user wrote, mentions removed; for a button press, the button's label.</param>
/// <param name="EventId">The platform's idempotency id (Slack event_id, Bot Framework activity id); a repeated id is never answered twice.</param>
/// <param name="Action">Set when the user pressed one of the bot's buttons.</param>
internal sealed record IncomingMessage(
    string Channel,
    string ConversationId,
    string UserId,
    string Text,
    string EventId,
    TurnAction? Action = null)
{
    public bool IsChoice => Action is not null;
}
