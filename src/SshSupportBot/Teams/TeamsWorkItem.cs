namespace SshSupportBot.Teams;

/// <summary>An accepted activity waiting for the background worker; <see cref="Authenticated"/> says whether its serviceUrl may receive our token.</summary>
internal sealed record TeamsWorkItem(Activity Activity, InboundAction Action, bool Authenticated);
