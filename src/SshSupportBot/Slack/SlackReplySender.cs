using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>Sends rendered replies to where the turn came from: the thread, the DM, or the response_url.</summary>
internal sealed class SlackReplySender(SlackApiClient api)
{
    public async Task SendAsync(SlackReplyTarget target, IEnumerable<SlackMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (target.ResponseUrl is { } responseUrl)
            {
                await api.PostToResponseUrlAsync(responseUrl, message, cancellationToken);
            }
            else
            {
                await api.PostMessageAsync(target.Channel, message, target.ThreadTs, cancellationToken);
            }
        }
    }

    public Task SendAsync(SlackReplyTarget target, IEnumerable<BotReply> replies, CancellationToken cancellationToken) =>
        SendAsync(target, replies.SelectMany(SlackBlockKit.Render), cancellationToken);
}
