using SshSupportBot.Channels;
using SshSupportBot.Storage;

namespace SshSupportBot.Teams;

/// <summary>Says hello once to each person who joins a conversation with the bot; run by the inbox as an <see cref="InboxChore"/>.</summary>
internal sealed class TeamsGreeting(TeamsOutboxChannel channel, IEventDeduplicator deduplicator, ILogger<TeamsGreeting> logger)
{
    private static readonly TimeSpan GreetingMemory = TimeSpan.FromDays(30);

    public InboxChore For(Activity activity, IReadOnlyList<ChannelAccount> members, bool authenticated)
    {
        var conversationId = activity.Conversation?.Id ?? "";
        var address = TeamsOutboxChannel.Address(activity, authenticated);
        return new InboxChore($"{ActivityMapper.ChannelName}:{conversationId}", address, channel, cancellationToken => GreetAsync(conversationId, address, members, cancellationToken));
    }

    private async Task GreetAsync(string conversationId, string address, IReadOnlyList<ChannelAccount> members, CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            if (await ClaimAsync(conversationId, member, cancellationToken))
            {
                await channel.SendRenderedAsync(address, incoming => [TeamsReplyRenderer.Greeting(incoming, member, channel.Phrases)], cancellationToken);
            }
        }
    }

    // A welcome is a courtesy: while the store is down it is skipped rather than risked twice or turned into an apology.
    private async Task<bool> ClaimAsync(string conversationId, ChannelAccount member, CancellationToken cancellationToken)
    {
        try
        {
            return await deduplicator.TryClaimAsync($"teams-greet:{conversationId}:{member.Id}", GreetingMemory, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Store unreachable; greeting in {ConversationId} skipped", conversationId);
            return false;
        }
    }
}
