namespace SshSupportBot.Storage;

/// <summary>Remembers which platform events were already taken, so a re-delivered event is never answered twice.</summary>
internal interface IEventDeduplicator
{
    /// <summary>True the first time <paramref name="key"/> is claimed within <paramref name="ttl"/>; false for a repeat.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct);
}
