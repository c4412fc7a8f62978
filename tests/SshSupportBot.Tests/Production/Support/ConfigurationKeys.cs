using SshSupportBot.Channels;
using System.Reflection;
using SshSupportBot.Conversations;
using SshSupportBot.Slack;
using SshSupportBot.Storage;
using SshSupportBot.Teams;

namespace SshSupportBot.Tests.Production.Support;

/// <summary>Whether an environment variable name (<c>Section__Key</c>) names a setting the app really reads.</summary>
internal static class ConfigurationKeys
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        ["Bot"] = typeof(BotSettings),
        ["Storage"] = typeof(StorageSettings),
        ["Slack"] = typeof(SlackSettings),
        ["Teams"] = typeof(TeamsSettings),
        ["Operations"] = typeof(SshSupportBot.Channels.OperationsSettings),
        ["Inbox"] = typeof(SshSupportBot.Channels.InboxSettings),
    };

    private static readonly HashSet<string> HostKeys = new(StringComparer.Ordinal) { "ASPNETCORE_URLS" };

    public static bool IsKnown(string variable)
    {
        if (HostKeys.Contains(variable))
        {
            return true;
        }
        var parts = variable.Split("__");
        if (parts.Length >= 2 && parts[0] == "Logging")
        {
            return true;
        }
        return parts.Length == 2 && Sections.TryGetValue(parts[0], out var type)
            && type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true };
    }

    /// <summary>The port of an <c>http://+:8080</c> style URL.</summary>
    public static int Port(string urls) => int.Parse(urls.Split(';')[0].Split(':')[^1].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
}
