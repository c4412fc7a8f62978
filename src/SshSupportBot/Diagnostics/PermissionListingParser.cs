using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Reads permission listings as users paste them: GNU <c>stat -c "%a %n"</c>, macOS <c>stat -f "%Lp %N"</c> or
/// <c>"%Sp %N"</c>, and <c>ls -l</c>/<c>-ld</c>/<c>-la</c> in any locale (e.g. <c>5月  5 13:37</c>). ls prints bare
/// names, so the directory comes from the <c>ls</c> command line or a <c>dir:</c> heading, else <c>~/.ssh</c> is assumed.
/// </summary>
internal static partial class PermissionListingParser
{
    public static IReadOnlyList<PermissionEntry> Parse(PastedText paste)
    {
        var entries = new List<PermissionEntry>();
        var pending = new List<(string Name, int Mode, bool IsDirectory, string? Owner, string? Group)>();
        string? directory = null;

        foreach (var line in paste.Lines)
        {
            if (line.Length == 0 || line.Length > PasteRegex.MaxLineLength)
            {
                continue;
            }
            if (PasteRegex.TryMatch(LsLong(), line, out var m))
            {
                var name = m.Groups["name"].Value;
                var arrow = name.IndexOf(" -> ", StringComparison.Ordinal);
                if (arrow > 0)
                {
                    name = name[..arrow];
                }
                pending.Add((name, SymbolicMode(m.Groups["sym"].Value), m.Groups["sym"].Value[0] == 'd', m.Groups["owner"].Value, m.Groups["group"].Value));
                continue;
            }
            if (PasteRegex.TryMatch(StatOctal(), line, out m) && LooksLikePath(m.Groups["path"].Value))
            {
                var mode = Convert.ToInt32(m.Groups["mode"].Value, 8) & 0x1FF;
                pending.Add((m.Groups["path"].Value, mode, IsDirectoryName(m.Groups["path"].Value), null, null));
                continue;
            }
            if (PasteRegex.TryMatch(StatSymbolic(), line, out m) && LooksLikePath(m.Groups["path"].Value))
            {
                pending.Add((m.Groups["path"].Value, SymbolicMode(m.Groups["sym"].Value), m.Groups["sym"].Value[0] == 'd', null, null));
                continue;
            }
            if (PasteRegex.TryMatch(Heading(), line, out m))
            {
                Flush();
                directory = m.Groups["dir"].Value.TrimEnd('/');
                continue;
            }
            if (LsCommandDirectory(line) is { } command)
            {
                Flush();
                directory = command.Length == 0 ? null : command;
            }
        }
        Flush();
        return ResolveTilde(entries);

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }
            // A bare-name listing of unknown place is a home if it shows .ssh, otherwise ~/.ssh itself.
            var dir = directory ?? (pending.Any(p => p.Name == ".ssh") ? "~" : "~/.ssh");
            foreach (var (name, mode, isDirectory, owner, group) in pending)
            {
                var path = name switch
                {
                    "." => dir,
                    ".." => dir.LastIndexOf('/') is var slash and > 0 ? dir[..slash] : dir == "~/.ssh" ? "~" : null,
                    _ when name.StartsWith('/') || name.StartsWith('~') || name.Contains('/') => name,
                    _ => $"{dir}/{name}",
                };
                if (path is not null)
                {
                    entries.Add(new PermissionEntry(path.Length > 1 ? path.TrimEnd('/') : path, mode, isDirectory, owner, group));
                }
            }
            pending.Clear();
        }
    }

    /// <summary>When the listing also shows the real ~/.ssh path, name files by it rather than by <c>~</c>, so fixes carry the exact path.</summary>
    private static List<PermissionEntry> ResolveTilde(List<PermissionEntry> entries)
    {
        var realSsh = entries.Select(e => e.Path).Where(p => p.StartsWith('/') && p.EndsWith("/.ssh", StringComparison.Ordinal)).Distinct().ToList();
        if (realSsh.Count != 1)
        {
            return entries;
        }
        var home = realSsh[0][..^5];
        return entries
            .Select(e => e.Path == "~" || e.Path.StartsWith("~/", StringComparison.Ordinal) ? e with { Path = home + e.Path[1..] } : e)
            .DistinctBy(e => e.Path)
            .ToList();
    }

    // stat -c "%a %n" does not say what is a directory; only ~/.ssh's own entry needs to be known as one.
    private static bool IsDirectoryName(string path)
    {
        var trimmed = path.TrimEnd('/');
        return path.EndsWith('/') || trimmed == "~" || trimmed == ".ssh" || trimmed.EndsWith("/.ssh", StringComparison.Ordinal) || HomeLike().IsMatch(trimmed);
    }

    private static bool LooksLikePath(string path) =>
        !path.Contains("SHA256:", StringComparison.Ordinal) && !path.Contains("MD5:", StringComparison.Ordinal)
        && (path[0] is '/' or '~' or '.' || KnownName().IsMatch(path));

    /// <summary>The directory an <c>ls</c> command lists (last command on the line); empty when it lists several or the current one.</summary>
    private static string? LsCommandDirectory(string line)
    {
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindLastIndex(tokens, t => t is "ls" or "gls");
        if (start < 0)
        {
            return null;
        }
        var args = tokens.Skip(start + 1).TakeWhile(t => t is not (";" or "&&" or "|")).Where(t => !t.StartsWith('-')).Select(t => t.Trim('\'', '"').TrimEnd(';')).ToList();
        // Only a real path argument names the directory; "ls -l の結果です" in prose must not.
        return args.Count == 1 && (args[0][0] is '/' or '~' or '.' || args[0].Contains('/')) ? args[0].TrimEnd('/') : "";
    }

    private static int SymbolicMode(string symbolic)
    {
        var mode = 0;
        for (var i = 1; i <= 9; i++)
        {
            var c = symbolic[i];
            var bit = ((i - 1) % 3) switch { 0 => 4, 1 => 2, _ => 1 };
            var set = bit == 1 ? c is 'x' or 's' or 't' : c != '-';
            if (set)
            {
                mode |= bit << (3 * (2 - (i - 1) / 3));
            }
        }
        return mode;
    }

    // ls -l: mode (with an optional ACL/SELinux marker), links, owner, group, size, a date in any locale, name.
    [GeneratedRegex(@"^(?<sym>[-dlbcps][rwxsStT-]{9})[.+@]?\s+\d+\s+(?<owner>\S+)\s+(?<group>\S+)\s+\d[\d,.]*[KMG]?\s+(?:\S+\s+\d{1,2}日?|\d{1,2}\s+\S+|\d{4}-\d\d-\d\d)\s+(?:\d{1,2}:\d\d(?::\d\d(?:\.\d+)?(?:\s[+-]\d{4})?)?|\d{4}年?)\s+(?<name>\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex LsLong();

    [GeneratedRegex(@"^(?<mode>[0-7]{3,4})\s+(?<path>\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex StatOctal();

    [GeneratedRegex(@"^(?<sym>[-d][rwxsStT-]{9})[.+@]?\s+(?<path>[/~.]\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex StatSymbolic();

    [GeneratedRegex(@"^(?<dir>[/~][^\s:]*):$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:\.ssh|id_[\w.-]+|authorized_keys2?|known_hosts[\w.]*|config)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex KnownName();

    [GeneratedRegex(@"^/(?:home|Users)/[^/]+$|^/home/[^/]+/[^/]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex HomeLike();
}
