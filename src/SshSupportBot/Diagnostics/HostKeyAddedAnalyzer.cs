using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>"Permanently added … to the list of known hosts": the first-connection question was answered; it will not come again.</summary>
internal sealed partial class HostKeyAddedAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        foreach (var m in PasteRegex.MatchLines(paste, Added(), "Permanently added"))
        {
            var host = m.Groups["host"].Value;
            var type = m.Groups["type"].Value;
            yield return new Finding(
                "host-key-added",
                FindingSeverity.Info,
                DiagnosticIntents.HostKeyConfirm,
                new BilingualText(
                    $"{host} のホスト鍵（{type}）が known_hosts に記録されました。次回からは確認を求められません。",
                    $"The host key of {host} ({type}) was recorded in known_hosts; you will not be asked again."));
            yield break;
        }
    }

    [GeneratedRegex(@"Warning: Permanently added '(?<host>[^']+)' \((?<type>[^)]+)\) to the list of known hosts", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Added();
}
