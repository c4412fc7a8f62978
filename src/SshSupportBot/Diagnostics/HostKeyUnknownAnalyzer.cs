using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// A first connection: ssh has no record of the host's key yet and asks (or, in batch/strict mode, refuses).
/// Stays silent when the key has changed instead, which is a different and more serious case.
/// </summary>
internal sealed partial class HostKeyUnknownAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        string? host = null, keyType = null, fingerprint = null;
        var unknown = false;
        var verificationFailed = false;
        foreach (var line in paste.Lines)
        {
            // A changed key is the other analyzer's case; "Permanently added" means the question was already answered.
            if (line.Contains("IDENTIFICATION HAS CHANGED", StringComparison.Ordinal) || line.Contains("Offending ", StringComparison.Ordinal)
                || line.Contains("has changed and you have requested", StringComparison.Ordinal) || line.Contains("Permanently added", StringComparison.Ordinal))
            {
                yield break;
            }
            if (line.Contains("can't be established", StringComparison.Ordinal) && PasteRegex.TryMatch(Authenticity(), line, out var m))
            {
                unknown = true;
                host ??= FixWords.IsHost(m.Groups["host"].Value) ? m.Groups["host"].Value : null;
            }
            else if (line.Contains("key fingerprint is", StringComparison.Ordinal) && PasteRegex.TryMatch(KeyFingerprint(), line, out m))
            {
                keyType ??= m.Groups["type"].Value;
                fingerprint ??= m.Groups["fp"].Value;
            }
            else if (line.Contains("host key is known for", StringComparison.Ordinal) && PasteRegex.TryMatch(NotKnown(), line, out m))
            {
                unknown = true;
                keyType ??= m.Groups["type"].Value;
                host ??= m.Groups["host"].Value;
            }
            verificationFailed |= line.Contains("Host key verification failed.", StringComparison.Ordinal);
        }
        if (!unknown && !verificationFailed)
        {
            yield break;
        }

        var target = SshTarget.Find(paste);
        host ??= target.Host is { } h ? SshTarget.KnownHostsName(h, target.Port) : "gw.ddbj.nig.ac.jp";
        var fpJa = fingerprint is null ? "" : $"表示されたフィンガープリントは {fingerprint}{(keyType is null ? "" : $"（{keyType}）")} です。";
        var fpEn = fingerprint is null ? "" : $" The fingerprint shown is {fingerprint}{(keyType is null ? "" : $" ({keyType})")}.";
        yield return new Finding(
            "host-key-unknown",
            verificationFailed ? FindingSeverity.Error : FindingSeverity.Warning,
            DiagnosticIntents.HostKeyConfirm,
            new BilingualText(
                $"{host} に初めて接続するため、ssh がホスト鍵を確認しています。{fpJa}公式に公開されているフィンガープリントと一致することを確かめてから、ssh を対話的に実行して yes と答えてください。一度記録されれば次回からは聞かれません。",
                $"This is the first connection to {host}, so ssh asks you to confirm its host key.{fpEn} Check that it matches the officially published fingerprint, then run ssh interactively and answer yes. It is asked only once."),
            Fix: $"ssh {target.Destination}",
            HostKey: SshTarget.Claim(host, fingerprint, firstConnection: true));
    }

    [GeneratedRegex(@"The authenticity of host '(?<host>[^' ]+)(?: \([^)]*\))?' can't be established", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Authenticity();

    [GeneratedRegex(@"(?<type>[A-Z][A-Z0-9-]*) key fingerprint is (?<fp>(?:SHA256|MD5):[A-Za-z0-9+/:=]+?)\.?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex KeyFingerprint();

    [GeneratedRegex(@"No (?<type>\S+) host key is known for (?<host>\S+) and", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex NotKnown();
}
