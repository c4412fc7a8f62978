namespace SshSupportBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
internal sealed record StorageSettings
{
    /// <summary>SQLite database file; <c>conversations.db</c> in the data directory when unset.</summary>
    public string? Sqlite { get; init; }

    /// <summary>A StackExchange.Redis connection string; when set, every replica shares state, dedupe and ordering through it.</summary>
    public string? Redis { get; init; }

    /// <summary>Prefix of every Redis key, so several bots can share one Redis.</summary>
    public string RedisKeyPrefix { get; init; } = "sshbot:";

    /// <summary>A conversation idle for longer than this is forgotten.</summary>
    public TimeSpan ConversationExpiry { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long a replica may hold a conversation's lock before another may take it (a crashed replica's lock lapses).</summary>
    public TimeSpan ConversationLockLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a turn waits for a conversation's lock before it is answered without state.</summary>
    public TimeSpan ConversationLockWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A claimed event with no recorded reply after this long belongs to a turn that died (a crash, a kill); a re-delivery
    /// answers it again instead of being refused, and a recorded reply unsent this long is sent by the outbox sweep.
    /// Longer than any turn and its send may take.
    /// </summary>
    public TimeSpan TurnClaimLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A recorded reply not marked sent for this long is sent again, by a re-delivery or the outbox sweep.</summary>
    public TimeSpan OutboxResendAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an answered event is remembered, so a late re-delivery is still recognised.</summary>
    public TimeSpan OutboxRetention { get; init; } = TimeSpan.FromDays(1);
}
