using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using System.Text.Json;
using SshSupportBot.Conversations;

namespace SshSupportBot.Teams;

/// <summary>
/// Sends to the conversation given to the inbox and stored with the claim. The connector never re-delivers an activity
/// it had a 202 for, so after a crash the outbox sweep through here is the only way the reply still arrives.
/// </summary>
internal sealed class TeamsOutboxChannel(ConnectorClient connector, PhraseSource? phrases = null) : IOutboxChannel
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

    public Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken) =>
        SendRenderedAsync(address, incoming => replies.SelectMany(reply => TeamsReplyRenderer.Render(reply, incoming)), cancellationToken);

    /// <summary>The phrases in force now, for the words this channel says on its own (an apology, a welcome).</summary>
    public BotPhrases Phrases => (phrases ?? PhraseSource.Shipped).Current;

    public Task SendApologyAsync(string address, CancellationToken cancellationToken) =>
        SendRenderedAsync(address, incoming => [TeamsReplyRenderer.Apology(incoming, Phrases)], cancellationToken);

    /// <summary>Posts what <paramref name="render"/> makes of the stored incoming activity, as replies to it.</summary>
    public async Task SendRenderedAsync(string address, Func<Activity, IEnumerable<Activity>> render, CancellationToken cancellationToken)
    {
        if (JsonSerializer.Deserialize<StoredAddress>(address, BotFrameworkJson.Options) is not { Incoming: { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId } incoming } stored)
        {
            return;
        }
        foreach (var outbound in render(incoming))
        {
            await connector.ReplyAsync(serviceUrl, conversationId, incoming.Id, outbound, stored.Authenticated, cancellationToken);
        }
    }
}
