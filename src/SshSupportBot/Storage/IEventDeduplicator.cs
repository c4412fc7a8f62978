namespace SshSupportBot.Storage;

/// <summary>Remembers which platform events were already taken, so a re-delivered event is answered once.</summary>
internal interface IEventDeduplicator
{
    /// <summary>Set-if-absent with expiry: true for the first caller of <paramref name="key"/> within <paramref name="ttl"/>, false for every other.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken);
}
