using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Admin;

/// <summary>The "Admin" configuration section: who may run admin commands, and where hand-offs go.</summary>
internal sealed record AdminSettings
{
    public const string Section = "Admin";

    public IReadOnlyList<string> SlackUserIds { get; init; } = [];

    public IReadOnlyList<string> TeamsUserIds { get; init; } = [];

    /// <summary>Slack channel id for hand-offs and reload reports; empty means none.</summary>
    public string? SlackChannel { get; init; }

    /// <summary>Teams conversation id (e.g. a channel's "19:…@thread.tacv2") for hand-offs; needs <see cref="TeamsServiceUrl"/>.</summary>
    public string? TeamsConversation { get; init; }

    /// <summary>The Bot Connector service URL of that conversation's tenant, e.g. https://smba.trafficmanager.net/jp/.</summary>
    public string? TeamsServiceUrl { get; init; }

    /// <summary>How often the server re-hashes intents/ in case the file watcher missed a change.</summary>
    public TimeSpan ReloadPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Quiet time after the last file event before a reload, so an editor's several writes make one reload.</summary>
    public TimeSpan ReloadDebounce { get; init; } = TimeSpan.FromSeconds(2);

    public bool IsAdmin(string channel, string userId) => channel switch
    {
        "slack" => SlackUserIds.Contains(userId, StringComparer.Ordinal),
        "teams" => TeamsUserIds.Contains(userId, StringComparer.Ordinal),
        // The terminal is already the admin's own machine.
        "cli" => true,
        _ => false,
    };

    public static AdminSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AdminSettings>() ?? new AdminSettings();
}
