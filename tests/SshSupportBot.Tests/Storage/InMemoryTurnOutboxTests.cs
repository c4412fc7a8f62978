using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Storage;

/// <summary>The turn outbox contract against the in-memory outbox.</summary>
public sealed class InMemoryTurnOutboxTests : TurnOutboxContract
{
    private protected override (ITurnOutbox, IConversationStore?) NewOutbox() => (new InMemoryTurnOutbox(Clock, Timing), null);
}
