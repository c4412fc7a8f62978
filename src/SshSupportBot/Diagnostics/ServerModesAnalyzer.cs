using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// sshd's own log line (auth.log, /var/log/secure, journalctl): "Authentication refused: bad ownership or modes for
/// directory /home/u" or "… for file /home/u/.ssh/authorized_keys". StrictModes rejected the key because that path on
/// the server is writable by others; the fix is on the server, for that exact path.
/// </summary>
internal sealed partial class ServerModesAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in PasteRegex.MatchLines(paste, BadModes(), "bad ownership or modes for "))
        {
            var path = FixWords.TrimQuotes(m.Groups["path"].Value).TrimEnd('.', ',');
            if (!FixWords.IsPath(path) || !seen.Add(path))
            {
                continue;
            }
            var directory = m.Groups["kind"].Value == "directory";
            var (mode, fix) = !directory ? ("600", $"chmod 600 {ShellQuote.Path(path)}")
                : path.TrimEnd('/').EndsWith("/.ssh", StringComparison.Ordinal) || path.TrimEnd('/') == "~/.ssh" ? ("700", $"chmod 700 {ShellQuote.Path(path)}")
                : ("go-w", $"chmod go-w {ShellQuote.Path(path)}");
            yield return new Finding(
                "server-bad-modes",
                FindingSeverity.Error,
                DiagnosticIntents.FilePermissions,
                new BilingualText(
                    $"サーバー（sshd）のログによると、{path} の所有者かパーミッションが正しくないため、公開鍵認証が拒否されています（StrictModes）。これはサーバー側の{(directory ? "ディレクトリ" : "ファイル")}です。サーバー上で、そのアカウント本人（または管理者）が次のコマンドを実行してください（{mode}）。所有者がそのアカウントであることも ls -ld で確認してください。",
                    $"The server's sshd log says public key login was refused because the owner or permissions of {path} are wrong (StrictModes). This {(directory ? "directory" : "file")} is on the server: run the command below there, as that account (or as an administrator) ({mode}), and check with ls -ld that the account owns it."),
                path,
                fix);
        }
    }

    [GeneratedRegex(@"bad ownership or modes for (?<kind>file|directory) (?<path>\S+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex BadModes();
}
