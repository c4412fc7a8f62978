using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Storage;

/// <summary>The turn outbox contract against a real redis-server.</summary>
public sealed class RedisTurnOutboxTests(Production.Support.RedisFixture redis) : TurnOutboxContract, IClassFixture<Production.Support.RedisFixture>
{
    private protected override (ITurnOutbox, IConversationStore?) NewOutbox() =>
        (new RedisTurnOutbox(redis.Connection, Timing, Clock), new RedisConversationStore(redis.Connection, TimeSpan.FromHours(2), Timing, Clock));
}
