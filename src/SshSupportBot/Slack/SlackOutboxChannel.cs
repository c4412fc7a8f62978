using SshSupportBot.Channels;
using System.Text.Json;
using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>Sends a recorded reply to the <see cref="SlackReplyTarget"/> stored with the claim.</summary>
internal sealed class SlackOutboxChannel(SlackReplySender sender) : Channels.IOutboxChannel
{
    public string Channel => SlackInbound.ChannelName;

    public static string Address(SlackReplyTarget target) => JsonSerializer.Serialize(target);

    public Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<SlackReplyTarget>(address) is { } target
            ? sender.SendAsync(target, replies, cancellationToken)
            : Task.CompletedTask;
}
