namespace SshSupportBot.Teams;

/// <summary>How patiently replies are re-sent when the connector pushes back; tests shorten the delays.</summary>
internal sealed record ConnectorRetryPolicy
{
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter)
    {
        var backoff = BaseDelay * Math.Pow(2, attempt - 1);
        var chosen = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return chosen > MaxDelay ? MaxDelay : chosen;
    }
}
