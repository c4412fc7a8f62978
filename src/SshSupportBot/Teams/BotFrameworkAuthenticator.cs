using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SshSupportBot.Teams;

/// <summary>
/// Checks the Bot Connector's bearer token exactly as Microsoft documents it: RS256 by an endorsed key from the
/// OpenID metadata, issuer api.botframework.com, audience our app id, 5 minutes' skew, and the serviceurl claim
/// equal to the activity's serviceUrl (otherwise a stolen token could send us replying anywhere).
/// </summary>
internal sealed class BotFrameworkAuthenticator(OpenIdKeyStore keyStore, TeamsSettings options, TimeProvider timeProvider)
{
    public const string Issuer = "https://api.botframework.com";
    private const string BearerScheme = "Bearer ";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Whether a request carries a bearer token at all: judged before its body is read.</summary>
    public static bool HasBearerToken(string? authorizationHeader) =>
        authorizationHeader is { } header && header.Length > BearerScheme.Length && header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(header[BearerScheme.Length..]);

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (!HasBearerToken(authorizationHeader))
        {
            return AuthenticationResult.Unauthorized("no bearer token");
        }
        var raw = authorizationHeader![BearerScheme.Length..].Trim();
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Unauthorized("malformed token");
        }
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return AuthenticationResult.Unauthorized("algorithm not allowed");
        }
        if (string.IsNullOrEmpty(token.Kid) || await keyStore.FindAsync(token.Kid, cancellationToken) is not { } key)
        {
            return AuthenticationResult.Unauthorized("unknown signing key");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return AuthenticationResult.Unauthorized(result.Exception?.GetType().Name ?? "invalid token");
        }

        // Ownership of the request is proven; what remains is whether it may talk about this channel and service URL.
        if (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId))
        {
            return AuthenticationResult.Forbidden("signing key not endorsed for the channel");
        }
        var claimed = result.Claims.TryGetValue("serviceurl", out var value) ? value as string : null;
        if (string.IsNullOrEmpty(serviceUrl) || claimed is null || !SameServiceUrl(claimed, serviceUrl))
        {
            return AuthenticationResult.Forbidden("serviceurl claim does not match the activity");
        }
        return AuthenticationResult.Success;
    }

    // The handler's default reads DateTime.UtcNow; going through TimeProvider keeps expiry testable.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + ClockSkew < now)
        {
            return false;
        }
        return notBefore is null || notBefore.Value.ToUniversalTime() - ClockSkew <= now;
    }

    private static bool SameServiceUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
