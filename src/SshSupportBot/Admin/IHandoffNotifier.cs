namespace SshSupportBot.Admin;

/// <summary>Posts to the admins' channel: hand-off summaries and reload reports.</summary>
internal interface IHandoffNotifier
{
    /// <summary>False when no admin channel is configured, so the caller can point the user elsewhere.</summary>
    bool IsConfigured { get; }

    /// <param name="text">Reply Markdown: anything from users or files quoted with <see cref="Formatting.MarkdownLiteral.Quote"/>; each notifier renders it for its channel.</param>
    Task<bool> NotifyAsync(string text, CancellationToken cancellationToken);
}

/// <summary>No admin channel configured: nothing is posted.</summary>
internal sealed class NoHandoffNotifier : IHandoffNotifier
{
    public static readonly NoHandoffNotifier Instance = new();

    public bool IsConfigured => false;

    public Task<bool> NotifyAsync(string text, CancellationToken cancellationToken) => Task.FromResult(false);
}
