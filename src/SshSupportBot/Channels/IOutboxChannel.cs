using SshSupportBot.Conversations;

namespace SshSupportBot.Channels;

/// <summary>How one channel sends a recorded reply to the address it stored at the claim, for the outbox sweep.</summary>
internal interface IOutboxChannel
{
    /// <summary>The channel name that starts its event keys (<see cref="Conversations.OutboxRecord.KeyFor"/>).</summary>
    string Channel { get; }

    Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken);
}
