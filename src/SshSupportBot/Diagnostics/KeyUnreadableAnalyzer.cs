using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// "Load key …: Permission denied": ssh could not even open the private key, usually because it was created or
/// copied as root (sudo) and belongs to root. chmod alone cannot fix that; the file has to be the user's own again.
/// </summary>
internal sealed partial class KeyUnreadableAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in PasteRegex.MatchLines(paste, Unreadable(), "Load key "))
        {
            var path = m.Groups["path"].Value;
            if (!FixWords.IsPath(path) || !seen.Add(path))
            {
                continue;
            }
            yield return new Finding(
                "private-key-unreadable",
                FindingSeverity.Error,
                DiagnosticIntents.FilePermissions,
                new BilingualText(
                    $"ssh が秘密鍵 {path} を開けませんでした（Permission denied）。sudo や root で作成・コピーしたため所有者が root になっていることが多いです。所有者を自分に戻し、自分だけが読めるようにしてください（chmod だけでは直りません）。",
                    $"ssh could not open the private key {path} (Permission denied). This usually means it was created or copied with sudo and belongs to root. Make it your own again and readable by you only (chmod alone does not fix this)."),
                path,
                $"sudo chown \"$USER\" {ShellQuote.Path(path)}\nchmod 600 {ShellQuote.Path(path)}");
        }
    }

    [GeneratedRegex(@"Load key ""(?<path>[^""]+)"": Permission denied", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Unreadable();
}
