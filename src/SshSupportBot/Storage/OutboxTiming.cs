namespace SshSupportBot.Storage;

/// <summary>The outbox's clocks, from <see cref="StorageSettings"/>; every store applies the same rules.</summary>
internal sealed record OutboxTiming(TimeSpan ClaimLease, TimeSpan ResendAfter, TimeSpan Retention)
{
    public static OutboxTiming From(StorageSettings settings) => new(settings.TurnClaimLease, settings.OutboxResendAfter, settings.OutboxRetention);
}
