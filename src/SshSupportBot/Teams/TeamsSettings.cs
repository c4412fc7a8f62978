namespace SshSupportBot.Teams;

/// <summary>The <c>Teams</c> configuration section; Teams is on when <see cref="AppId"/> is set.</summary>
internal sealed record TeamsSettings
{
    public const string SectionName = "Teams";

    public string? AppId { get; init; }

    public string? AppPassword { get; init; }

    /// <summary>A file holding the app password, so it need not sit in configuration or the environment.</summary>
    public string? AppPasswordFile { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Defaults to the tenant's v2.0 token endpoint; tests point it at a local fake.</summary>
    public string? TokenEndpoint { get; init; }

    public string OpenIdMetadataUrl { get; init; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Local development only: accepts activities without a JWT and sends replies without a token.</summary>
    public bool AllowUnauthenticated { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);

    public string ResolveTokenEndpoint() =>
        !string.IsNullOrWhiteSpace(TokenEndpoint)
            ? TokenEndpoint
            : $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? "botframework.com")}/oauth2/v2.0/token";

    public string? ResolveAppPassword()
    {
        if (!string.IsNullOrEmpty(AppPassword))
        {
            return AppPassword;
        }
        return string.IsNullOrWhiteSpace(AppPasswordFile) ? null : File.ReadAllText(AppPasswordFile).Trim();
    }
}
