namespace SshSupportBot.Probes;

internal enum ServerCheckOutcome
{
    Completed,
    Disabled,
    InvalidAccount,
    RateLimited,
    Failed,
}

/// <summary>The outcome of one server-side check; <see cref="Report"/> and <see cref="Findings"/> are set only when it completed.</summary>
internal sealed record ServerCheckResult(ServerCheckOutcome Outcome, string Detail, string? Account = null, ServerCheckReport? Report = null,
    IReadOnlyList<ServerCheckFinding>? Findings = null);
