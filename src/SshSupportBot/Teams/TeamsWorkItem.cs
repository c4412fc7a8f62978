namespace SshSupportBot.Teams;

/// <summary>An accepted activity waiting for the background worker; <see cref="Authenticated"/> says whether its serviceUrl may receive our token.</summary>
internal sealed record TeamsWorkItem(Activity Activity, InboundAction Action, bool Authenticated)
{
    /// <summary>Set when the outbox holds this activity's reply unsent (a crash after the commit): send it, do not answer again.</summary>
    public IReadOnlyList<Conversations.BotReply>? RecordedReplies { get; init; }
}
