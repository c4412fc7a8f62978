using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>Negotiation failures: client and server share no algorithm. The answer is a modern key or client, never weaker settings.</summary>
internal sealed partial class KeyAlgorithmAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in paste.Lines)
        {
            if ((line.Contains("no mutual signature", StringComparison.Ordinal) || RefusedKeyType(line)) && reported.Add("sig"))
            {
                yield return new Finding(
                    "no-mutual-signature-algorithm",
                    FindingSeverity.Error,
                    DiagnosticIntents.KeyAlgorithm,
                    new BilingualText(
                        "使おうとした鍵（古い RSA や DSA の鍵）の署名方式を、クライアントとサーバーの両方が使えるものがありません。新しく ed25519 の鍵を作って公開鍵を登録し直してください。アルゴリズムの制限を緩める設定はしないでください。",
                        "Your key (an old RSA or DSA key) has no signature algorithm both sides accept. Make a new ed25519 key and register its public key; do not weaken the client's algorithm settings."),
                    Fix: "ssh-keygen -t ed25519");
                continue;
            }
            if (!line.Contains("no matching ", StringComparison.Ordinal) || !PasteRegex.TryMatch(NoMatching(), line, out var m))
            {
                continue;
            }
            var what = m.Groups["what"].Value;
            if (!reported.Add(what))
            {
                continue;
            }
            var offer = m.Groups["offer"].Success ? m.Groups["offer"].Value : null;
            var host = m.Groups["host"].Success ? m.Groups["host"].Value : null;
            var (code, ja, en) = what switch
            {
                "host key type" => ("no-matching-host-key-type", "ホスト鍵の種類", "host key type"),
                "key exchange method" => ("no-matching-key-exchange", "鍵交換方式", "key exchange method"),
                "cipher" => ("no-matching-cipher", "暗号方式", "cipher"),
                _ => ("no-matching-mac", "MAC 方式", "MAC"),
            };
            var offerJa = offer is null ? "" : $"サーバー側の候補: {offer}。";
            var offerEn = offer is null ? "" : $" The server offers: {offer}.";
            var hostJa = host is null ? "" : $"{host} との";
            var hostEn = host is null ? "" : $" with {host}";
            yield return new Finding(
                code,
                FindingSeverity.Error,
                DiagnosticIntents.KeyAlgorithm,
                new BilingualText(
                    $"{hostJa}接続で、クライアントとサーバーに共通の{ja}がありません。{offerJa}ssh の設定（HostKeyAlgorithms や KexAlgorithms など）で古い方式を指定していないか確認し、古いクライアントなら更新してください。",
                    $"The client and server share no {en}{hostEn}.{offerEn} Check that your ssh config does not force old algorithms (HostKeyAlgorithms, KexAlgorithms, …) and update an old client."));
        }
    }

    // The server's log: "userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms" (the client's old RSA key).
    private static bool RefusedKeyType(string line) =>
        line.Contains("not in PubkeyAcceptedAlgorithms", StringComparison.Ordinal) || line.Contains("not in PubkeyAcceptedKeyTypes", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:Unable to negotiate with (?<host>\S+) port \d+: )?no matching (?<what>host key type|key exchange method|cipher|MAC) found\.(?: [Tt]heir offer: (?<offer>\S+))?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex NoMatching();
}
