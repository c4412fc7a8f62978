using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>"Bad owner or permissions on ~/.ssh/config": ssh refuses to start until the file is the user's own and not writable by others.</summary>
internal sealed partial class ConfigPermissionsAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in PasteRegex.MatchLines(paste, BadOwner(), "Bad owner or permissions on "))
        {
            var path = FixWords.TrimQuotes(m.Groups["path"].Value.TrimEnd());
            var windows = FixWords.IsWindowsPath(path);
            if (windows)
            {
                path = FixWords.WindowsPath(path);
            }
            if (!FixWords.IsPath(path) || !seen.Add(path))
            {
                continue;
            }
            yield return new Finding(
                "config-bad-permissions",
                FindingSeverity.Error,
                DiagnosticIntents.FilePermissions,
                windows
                    ? new BilingualText(
                        $"ssh の設定ファイル {path} に本人以外（他のユーザーや継承された権限）の書き込み権限があるため、Windows の OpenSSH が起動を拒否しています。Windows には chmod がありません。PowerShell で次のコマンドを実行し、継承を切って自分だけに権限を与えてください。",
                        $"Windows OpenSSH refuses to run because accounts other than yours (or inherited entries) can write its config file {path}. Windows has no chmod: run the commands below in PowerShell to remove inherited access and give access to you only.")
                    : new BilingualText(
                        $"ssh の設定ファイル {path} の所有者かパーミッションが正しくないため、ssh が起動を拒否しています。このファイルは自分の計算機側のものです。自分だけが書き込めるようにしてください（chmod 600）。所有者が自分でない場合は chown で自分に戻してください。",
                        $"ssh refuses to run because the owner or permissions of its config file {path} are wrong. This file is on your own computer: make it writable by you only (chmod 600), and if you are not its owner, take it back with chown."),
                path,
                windows ? PowerShellAcl.OwnerOnly(path, "F") : $"chmod 600 {ShellQuote.Path(path)}\nchown \"$USER\" {ShellQuote.Path(path)}");
        }
    }

    // Greedy to the end of the line and trimmed in code: a lazy group before \s*$ is quadratic on a run of spaces.
    [GeneratedRegex(@"Bad owner or permissions on (?<path>\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex BadOwner();
}
