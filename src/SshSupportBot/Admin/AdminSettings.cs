using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Admin;

/// <summary>The "Admin" configuration section: who may run admin commands, and how the server watches intents/.</summary>
internal sealed record AdminSettings
{
    public const string Section = "Admin";

    // A channel's admins are listed under Admin:<Channel>UserIds (Admin:SlackUserIds, Admin:TeamsUserIds, ...).
    private const string UserIdsSuffix = "UserIds";

    /// <summary>Admin user ids by channel name (<see cref="Conversations.IncomingMessage.Channel"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> UserIds { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Set only in code, for the terminal, which is already the admin's own machine; the private setter keeps it out of
    /// reach of configuration.
    /// </summary>
    public bool EveryoneIsAdmin { get; private init; }

    /// <summary>How often the server re-hashes intents/ in case the file watcher missed a change.</summary>
    public TimeSpan ReloadPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Quiet time after the last file event before a reload, so an editor's several writes make one reload.</summary>
    public TimeSpan ReloadDebounce { get; init; } = TimeSpan.FromSeconds(2);

    public bool IsAdmin(string channel, string userId) =>
        EveryoneIsAdmin || (UserIds.TryGetValue(channel, out var admins) && admins.Contains(userId, StringComparer.Ordinal));

    public AdminSettings ForLocalTerminal() => this with { EveryoneIsAdmin = true };

    public static AdminSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = section.Get<AdminSettings>() ?? new AdminSettings();
        var userIds = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var child in section.GetChildren())
        {
            if (child.Key.Length > UserIdsSuffix.Length && child.Key.EndsWith(UserIdsSuffix, StringComparison.OrdinalIgnoreCase))
            {
                var channel = child.Key[..^UserIdsSuffix.Length].ToLowerInvariant();
                userIds[channel] = [.. child.GetChildren().Select(id => id.Value).OfType<string>().Where(id => id.Length > 0)];
            }
        }
        return settings with { UserIds = userIds };
    }
}
