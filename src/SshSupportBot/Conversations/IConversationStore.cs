using SshSupportBot.Storage;
using SshSupportBot.Conversations;

namespace SshSupportBot.Conversations;

internal interface IConversationStore
{
    /// <summary>The state, or null when there is none or it expired.</summary>
    Task<ConversationState?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="state"/> if the stored version is still <see cref="ConversationState.Version"/>
    /// (0 = not stored yet); the stored copy gets the next version. False means someone else saved first.
    /// </summary>
    Task<bool> TrySaveAsync(ConversationState state, CancellationToken cancellationToken) => TrySaveAsync(state, null, cancellationToken);

    /// <summary>
    /// As <see cref="TrySaveAsync(ConversationState, CancellationToken)"/>, and records the turn's replies in the outbox in
    /// the same write: after a crash the state never moved on without the reply that goes with it.
    /// </summary>
    Task<bool> TrySaveAsync(ConversationState state, OutboxRecord? replies, CancellationToken cancellationToken);
}
