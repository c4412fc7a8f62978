using SshSupportBot.Admin;

namespace SshSupportBot.Teams;

/// <summary>
/// Posts to the Teams conversation named by Admin:TeamsConversation at Admin:TeamsServiceUrl. Both come from the
/// admins' configuration, not from a request, so the bot's token may go there (unless Teams runs unauthenticated on loopback).
/// </summary>
internal sealed class TeamsHandoffNotifier(ConnectorClient connector, string serviceUrl, string conversationId, bool withToken,
    ILogger<TeamsHandoffNotifier> logger) : IHandoffNotifier
{
    public bool IsConfigured => true;

    public async Task<bool> NotifyAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.ReplyAsync(serviceUrl, conversationId, null,
                new Activity { Type = "message", Text = TeamsMarkdown.Render(text), TextFormat = "markdown" }, withToken, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // The user still gets the helpdesk contact; a failed post must not fail their turn.
            logger.LogWarning(exception, "Posting to the Teams admin conversation failed");
            return false;
        }
    }
}
