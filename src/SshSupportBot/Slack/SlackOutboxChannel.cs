using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using System.Text.Json;
using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>Sends replies to the <see cref="SlackReplyTarget"/> given to the inbox and stored with the claim.</summary>
internal sealed class SlackOutboxChannel(SlackReplySender sender, PhraseSource? phrases = null) : IOutboxChannel
{
    public string Channel => SlackInbound.ChannelName;

    public static string Address(SlackReplyTarget target) => JsonSerializer.Serialize(target);

    public Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<SlackReplyTarget>(address) is { } target
            ? sender.SendAsync(target, replies, cancellationToken)
            : Task.CompletedTask;

    public Task SendApologyAsync(string address, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<SlackReplyTarget>(address) is { } target
            ? sender.SendAsync(target, [SlackHelp.Apology((phrases ?? PhraseSource.Shipped).Current)], cancellationToken)
            : Task.CompletedTask;
}
