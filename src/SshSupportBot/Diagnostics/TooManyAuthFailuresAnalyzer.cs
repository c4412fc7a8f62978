using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// "Too many authentication failures": ssh offered so many keys (agent, config) that the server hung up before the
/// right one. When -v shows the key the user named (-i, IdentityFile: "explicit"), the fix names that key.
/// </summary>
internal sealed partial class TooManyAuthFailuresAnalyzer : IPasteAnalyzer
{
    private const string DefaultKey = "~/.ssh/id_ed25519";

    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        if (!paste.Text.Contains("too many authentication failures", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }
        var target = SshTarget.Find(paste);
        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in paste.Lines)
        {
            if (target.Host is null && line.Contains("Received disconnect from ", StringComparison.Ordinal) && PasteRegex.TryMatch(Disconnected(), line, out var m)
                && FixWords.IsHost(m.Groups["host"].Value) && m.Groups["host"].Value != "UNKNOWN")
            {
                target = target with { Host = m.Groups["host"].Value, Port = target.Port ?? SshTarget.PortNumber(m.Groups["port"].Value) };
            }
            if (line.Contains("explicit", StringComparison.Ordinal) && PasteRegex.TryMatch(ExplicitKey(), line, out m) && FixWords.IsPath(m.Groups["path"].Value))
            {
                explicitKeys.Add(m.Groups["path"].Value);
            }
        }
        // One named key after the agent's: that is the key to keep. Several named keys leave the choice to the user.
        var explicitKey = explicitKeys.Count == 1 ? explicitKeys.First() : null;
        var offered = PublickeyDeniedAnalyzer.OfferedKeys(paste);
        var offeredJa = offered.Count == 0 ? "" : $"（提示された鍵: {string.Join(", ", offered)}）";
        var offeredEn = offered.Count == 0 ? "" : $" (offered: {string.Join(", ", offered)})";
        var explicitJa = explicitKey is null ? "" : $"指定した鍵 {explicitKey} は、エージェントの鍵の後に回されていました。";
        var explicitEn = explicitKey is null ? "" : $" The key you named, {explicitKey}, came after the agent's keys.";
        yield return new Finding(
            "too-many-auth-failures",
            FindingSeverity.Error,
            DiagnosticIntents.TooManyAuthFailures,
            new BilingualText(
                $"ssh が {target.HostOrDefault} に鍵を次々に提示したため{offeredJa}、正しい鍵を試す前にサーバーが接続を切りました。{explicitJa}使う鍵を -i で指定し、IdentitiesOnly=yes でその鍵だけを使うようにしてください。",
                $"ssh offered {target.HostOrDefault} too many keys{offeredEn}, so the server disconnected before the right one was tried.{explicitEn} Name the key with -i and use IdentitiesOnly=yes so only that key is offered."),
            Fix: $"ssh -o IdentitiesOnly=yes -i {ShellQuote.Path(explicitKey ?? DefaultKey)} {target.Destination}");
    }

    [GeneratedRegex(@"Received disconnect from (?<host>\S+) port (?<port>\d{1,5}):\d+: Too many", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 500)]
    private static partial Regex Disconnected();

    // "Will attempt key: /home/u/.ssh/gw_key  explicit", "Offering public key: /home/u/.ssh/gw_key ED25519 SHA256:… explicit",
    // 7.x: "key: /home/u/.ssh/gw_key ((nil)), explicit" (the key file could not be loaded yet and still counts).
    [GeneratedRegex(@"(?:Will attempt key|Offering public key|key): (?<path>[~/][^\s]*)\s.*\bexplicit\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex ExplicitKey();
}
