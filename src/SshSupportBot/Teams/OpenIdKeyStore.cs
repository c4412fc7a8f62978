using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SshSupportBot.Teams;

/// <summary>
/// The signing keys published through the OpenID metadata document, cached; an unknown key id triggers a
/// refresh (Microsoft rolls keys), rate-limited so forged key ids cannot make us hammer the metadata endpoint.
/// </summary>
internal sealed class OpenIdKeyStore(HttpClient http, TeamsOptions options, TimeProvider timeProvider, ILogger<OpenIdKeyStore> logger)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyDictionary<string, SigningKey> keys = new Dictionary<string, SigningKey>();
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;
    private DateTimeOffset lastForcedRefresh = DateTimeOffset.MinValue;

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        if (now - loadedAt > CacheLifetime)
        {
            await RefreshAsync(forced: false, ct);
        }
        if (keys.TryGetValue(keyId, out var key))
        {
            return key;
        }
        if (timeProvider.GetUtcNow() - lastForcedRefresh < MinimumForcedRefreshInterval)
        {
            return null;
        }
        await RefreshAsync(forced: true, ct);
        return keys.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync(bool forced, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (forced)
            {
                if (now - lastForcedRefresh < MinimumForcedRefreshInterval)
                {
                    return;
                }
                lastForcedRefresh = now;
            }
            else if (now - loadedAt <= CacheLifetime)
            {
                return;
            }
            keys = await LoadAsync(ct);
            loadedAt = now;
            logger.LogInformation("Loaded {KeyCount} Bot Framework signing keys", keys.Count);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or ArgumentException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Keep the keys we had: an outage of the metadata endpoint must not reject tokens signed by known keys.
            logger.LogError(e, "Could not load the Bot Framework signing keys from {MetadataUrl}", options.OpenIdMetadataUrl);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> LoadAsync(CancellationToken ct)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.OpenIdMetadataUrl, ct));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()!
            : throw new InvalidOperationException("the OpenID metadata has no jwks_uri");
        using var set = JsonDocument.Parse(await http.GetStringAsync(jwksUri, ct));
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
