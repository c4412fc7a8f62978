using SshSupportBot.Admin;

namespace SshSupportBot.Slack;

/// <summary>Posts to the Slack channel named by Admin:SlackChannel through the bot's own Web API client.</summary>
internal sealed class SlackHandoffNotifier(SlackApiClient slack, string channel, ILogger<SlackHandoffNotifier> logger) : IHandoffNotifier
{
    public bool IsConfigured => true;

    public async Task<bool> NotifyAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            // Through the reply renderer: Slack's escaping, user text never a link or mention, long reports split within Slack's limits.
            foreach (var message in SlackBlockKit.Render(text, []))
            {
                await slack.PostMessageAsync(channel, message, null, cancellationToken);
            }
            return true;
        }
        catch (Exception exception) when (exception is SlackApiException or HttpRequestException or TaskCanceledException)
        {
            // The user still gets the helpdesk contact; a failed post must not fail their turn.
            logger.LogWarning(exception, "Posting to the admin channel {Channel} failed", channel);
            return false;
        }
    }
}
