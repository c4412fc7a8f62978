namespace SshSupportBot.Probes;

internal enum ServerCheckOutcome
{
    Completed,
    Disabled,
    NotMapped,
    InvalidAccount,
    RateLimited,
    Failed,
}

/// <summary>The outcome of one server-side check; <see cref="Report"/> is set only when it completed.</summary>
internal sealed record ServerCheckResult(ServerCheckOutcome Outcome, string Detail, string? Account = null, ServerCheckReport? Report = null);
