using SshSupportBot.Channels;
using System.Text.Json;
using SshSupportBot.Conversations;

namespace SshSupportBot.Teams;

/// <summary>
/// Sends a recorded reply to the conversation stored with the claim. The connector never re-delivers an activity it
/// had a 202 for, so after a crash this sweep is the only way the reply still arrives.
/// </summary>
internal sealed class TeamsOutboxChannel(ConnectorClient connector) : Channels.IOutboxChannel
{
    /// <summary>What rendering and posting a reply need of the incoming activity; its text stays out of the store.</summary>
    private sealed record StoredAddress(Activity Incoming, bool Authenticated);

    public string Channel => ActivityMapper.ChannelName;

    public static string Address(Activity incoming, bool authenticated) => JsonSerializer.Serialize(new StoredAddress(new Activity
    {
        Type = incoming.Type,
        Id = incoming.Id,
        ChannelId = incoming.ChannelId,
        ServiceUrl = incoming.ServiceUrl,
        From = incoming.From,
        Recipient = incoming.Recipient,
        Conversation = incoming.Conversation,
        Locale = incoming.Locale,
    }, authenticated), BotFrameworkJson.Options);

    public async Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        if (JsonSerializer.Deserialize<StoredAddress>(address, BotFrameworkJson.Options) is not { Incoming: { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId } incoming } stored)
        {
            return;
        }
        foreach (var reply in replies)
        {
            foreach (var outbound in TeamsReplyRenderer.Render(reply, incoming))
            {
                await connector.ReplyAsync(serviceUrl, conversationId, incoming.Id, outbound, stored.Authenticated, cancellationToken);
            }
        }
    }
}
