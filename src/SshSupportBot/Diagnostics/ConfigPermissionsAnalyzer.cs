using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>"Bad owner or permissions on ~/.ssh/config": ssh refuses to start until the file is the user's own and not writable by others.</summary>
internal sealed partial class ConfigPermissionsAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        foreach (var m in PasteRegex.MatchLines(paste, BadOwner(), "Bad owner or permissions on "))
        {
            var path = m.Groups["path"].Value;
            var windows = path.Contains(":\\", StringComparison.Ordinal) || path.Contains(":/", StringComparison.Ordinal);
            var fix = windows
                ? $"icacls {ShellQuote.Windows(path)} /inheritance:r\nicacls {ShellQuote.Windows(path)} /grant:r \"%USERNAME%:F\""
                : $"chmod 600 {ShellQuote.Path(path)}\nchown \"$USER\" {ShellQuote.Path(path)}";
            yield return new Finding(
                "config-bad-permissions",
                FindingSeverity.Error,
                DiagnosticIntents.FilePermissions,
                new BilingualText(
                    $"ssh の設定ファイル {path} の所有者かパーミッションが正しくないため、ssh が起動を拒否しています。このファイルは自分の計算機側のものです。自分だけが書き込めるようにしてください（chmod 600）。所有者が自分でない場合は chown で自分に戻してください。",
                    $"ssh refuses to run because the owner or permissions of its config file {path} are wrong. This file is on your own computer: make it writable by you only (chmod 600), and if you are not its owner, take it back with chown."),
                path,
                fix);
        }
    }

    [GeneratedRegex(@"Bad owner or permissions on (?<path>\S.*?)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex BadOwner();
}
