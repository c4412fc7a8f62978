using SshSupportBot.Conversations;

namespace SshSupportBot.Channels;

/// <summary>
/// How one channel sends to an address it gave the inbox (and the outbox stored with the claim): the answer, a recorded
/// reply the sweep re-sends, or the apology when a turn failed.
/// </summary>
internal interface IOutboxChannel
{
    /// <summary>The channel name that starts its event keys (<see cref="Conversations.OutboxRecord.KeyFor"/>).</summary>
    string Channel { get; }

    Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken);

    /// <summary>The channel's short apology, for a turn that threw; it must not depend on anything the turn touched.</summary>
    Task SendApologyAsync(string address, CancellationToken cancellationToken);
}
