using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>Two or more <c>ssh-keygen -l</c> lines: the usual way to check that a private key and a registered public key are a pair.</summary>
internal sealed partial class FingerprintComparisonAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var prints = PasteRegex.MatchLines(paste, KeygenLine(), " (")
            .Select(m => (Fingerprint: m.Groups["fp"].Value, Comment: m.Groups["comment"].Value, Type: m.Groups["type"].Value))
            .ToList();
        if (prints.Count < 2)
        {
            yield break;
        }
        var listed = string.Join(", ", prints.Select(p => $"{p.Fingerprint} ({p.Type})"));
        if (prints.Select(p => p.Fingerprint).Distinct().Count() == 1)
        {
            yield return new Finding(
                "fingerprints-match",
                FindingSeverity.Info,
                DiagnosticIntents.KeyMismatch,
                new BilingualText(
                    $"フィンガープリントは一致しています（{prints[0].Fingerprint}）。この秘密鍵と公開鍵はペアです。",
                    $"The fingerprints match ({prints[0].Fingerprint}); the private and public keys are a pair."));
        }
        else
        {
            yield return new Finding(
                "fingerprints-differ",
                FindingSeverity.Error,
                DiagnosticIntents.KeyMismatch,
                new BilingualText(
                    $"フィンガープリントが一致しません: {listed}。秘密鍵と登録した公開鍵がペアになっていません。使う秘密鍵から公開鍵を作り直し、それを登録し直してください。",
                    $"The fingerprints differ: {listed}. The private key and the registered public key are not a pair. Derive the public key from the private key you use and register that one."),
                Fix: "ssh-keygen -y -f ~/.ssh/id_ed25519 > ~/.ssh/id_ed25519.pub\nssh-keygen -lf ~/.ssh/id_ed25519.pub");
        }
    }

    // "256 SHA256:Ut9J… user@host (ED25519)"; the comment may be empty ("no comment").
    [GeneratedRegex(@"^(?<bits>\d{3,5}) (?<fp>SHA256:[A-Za-z0-9+/]{43}|MD5:(?:[0-9a-f]{2}:){15}[0-9a-f]{2})(?: (?<comment>.*?))? \((?<type>[A-Z0-9-]+)\)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex KeygenLine();
}
