using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// The rule every fix command follows: a host, user or path goes into a command only when the paste states it as
/// one. Redactions (<c>***</c>, <c>x.x.x.x</c>, <c>&lt;ip&gt;</c>), placeholders (<c>PATH</c>, <c>(IP address)</c>) and
/// ellipses are not values; the caller then falls back to the configured gateway or a placeholder such as ACCOUNT.
/// </summary>
internal static partial class FixWords
{
    public static bool IsHost(string? host) =>
        host is { Length: > 0 and <= 253 } && HostName().IsMatch(host) && host.Any(char.IsAsciiLetterOrDigit) && !IsRedacted(host);

    public static bool IsUser(string? user) =>
        user is { Length: > 0 and <= 64 } && UserName().IsMatch(user) && user.Any(char.IsAsciiLetterOrDigit) && !IsRedacted(user);

    /// <summary>A path the paste really names: not "...", "…", an all-capitals placeholder (PATH, FILE) or a template (&lt;key&gt;).</summary>
    public static bool IsPath(string? path) =>
        path is { Length: > 0 and <= 1024 }
        && !path.Contains("...", StringComparison.Ordinal)
        && !path.Contains('…')
        && !path.Contains('<') && !path.Contains('>')
        && !path.All(c => char.IsAsciiLetterUpper(c) || c == '_');

    /// <summary>A Windows path as Explorer and PowerShell write it: OpenSSH for Windows doubles backslashes and mixes in slashes.</summary>
    public static string WindowsPath(string path)
    {
        var single = path.Replace("\\\\", "\\").Replace('/', '\\');
        return single.Replace("\\.\\", "\\");
    }

    public static bool IsWindowsPath(string path) => path.Length > 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    /// <summary>Quotes and backticks a chat or a sentence put around a path ("…config\"", `…`).</summary>
    public static string TrimQuotes(string value) => value.Trim('"', '\'', '`');

    // "x.x.x.x", "***", "xxxx.xxx": a value someone hid before posting.
    private static bool IsRedacted(string value) => value.All(c => c is 'x' or 'X' or '*' or '.' or '-' or '_');

    [GeneratedRegex(@"^[A-Za-z0-9._:%\[\]-]{1,253}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex UserName();
}
