using System.Text.Json;

namespace SshSupportBot.Teams;

/// <summary>
/// The client-credentials token the Bot Connector wants on our replies, cached until shortly before it expires
/// (a token request per reply would add latency and risk throttling by Entra ID).
/// </summary>
internal sealed class ConnectorTokenProvider(HttpClient http, TeamsSettings options, TimeProvider timeProvider, ILogger<ConnectorTokenProvider> logger)
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && timeProvider.GetUtcNow() < _renewAt)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && timeProvider.GetUtcNow() < _renewAt)
            {
                return fresh;
            }
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.AppId ?? "",
                ["client_secret"] = options.ResolveAppPassword() ?? "",
                ["scope"] = Scope,
            });
            using var response = await http.PostAsync(options.ResolveTokenEndpoint(), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("The token endpoint refused the client credentials with {StatusCode}", (int)response.StatusCode);
                throw new HttpRequestException($"token endpoint answered {(int)response.StatusCode}", null, response.StatusCode);
            }
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var accessToken = body.RootElement.GetProperty("access_token").GetString()
                ?? throw new InvalidOperationException("the token endpoint returned no access_token");
            var lifetime = body.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(30);
            _token = accessToken;
            _renewAt = timeProvider.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
            return accessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}
