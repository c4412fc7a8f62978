namespace SshSupportBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
internal sealed record StorageSettings
{
    /// <summary>SQLite database file; <c>conversations.db</c> in the data directory when unset.</summary>
    public string? Sqlite { get; init; }

    /// <summary>A conversation idle for longer than this is forgotten.</summary>
    public TimeSpan ConversationExpiry { get; init; } = TimeSpan.FromHours(2);
}
