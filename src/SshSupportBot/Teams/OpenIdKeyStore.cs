using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SshSupportBot.Teams;

/// <summary>
/// The signing keys published through the OpenID metadata document, cached; an unknown key id triggers a
/// refresh (Microsoft rolls keys), rate-limited so forged key ids cannot make us hammer the metadata endpoint.
/// </summary>
internal sealed class OpenIdKeyStore(HttpClient http, TeamsSettings options, TimeProvider timeProvider, ILogger<OpenIdKeyStore> logger)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, SigningKey> _keys = new Dictionary<string, SigningKey>();
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _loadedAt > CacheLifetime)
        {
            await RefreshAsync(forced: false, cancellationToken);
        }
        if (_keys.TryGetValue(keyId, out var key))
        {
            return key;
        }
        if (timeProvider.GetUtcNow() - _lastForcedRefresh < MinimumForcedRefreshInterval)
        {
            return null;
        }
        await RefreshAsync(forced: true, cancellationToken);
        return _keys.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync(bool forced, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (forced)
            {
                if (now - _lastForcedRefresh < MinimumForcedRefreshInterval)
                {
                    return;
                }
                _lastForcedRefresh = now;
            }
            else if (now - _loadedAt <= CacheLifetime)
            {
                return;
            }
            _keys = await LoadAsync(cancellationToken);
            _loadedAt = now;
            logger.LogInformation("Loaded {KeyCount} Bot Framework signing keys", _keys.Count);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Keep the keys we had: an outage of the metadata endpoint must not reject tokens signed by known keys.
            logger.LogError(e, "Could not load the Bot Framework signing keys from {MetadataUrl}", options.OpenIdMetadataUrl);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.OpenIdMetadataUrl, cancellationToken));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()!
            : throw new InvalidOperationException("the OpenID metadata has no jwks_uri");
        using var set = JsonDocument.Parse(await http.GetStringAsync(jwksUri, cancellationToken));
        var loaded = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!set.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("the key set has no keys array");
        }
        foreach (var element in keyArray.EnumerateArray())
        {
            var jwk = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(jwk.Kid))
            {
                continue;
            }
            var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var channel in list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String))
                {
                    endorsements.Add(channel.GetString()!);
                }
            }
            loaded[jwk.Kid] = new SigningKey(jwk.Kid, jwk, endorsements);
        }
        return loaded;
    }
}
