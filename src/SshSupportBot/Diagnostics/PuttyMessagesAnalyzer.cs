using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// PuTTY's own wordings (also shown by WinSCP, FileZilla and other clients built on it), as its documentation lists
/// them: "Server refused our key", "No supported authentication methods available (server sent: publickey)",
/// and "Unable to use key file … (OpenSSH SSH-2 private key)" when it is given an OpenSSH key instead of a .ppk.
/// </summary>
internal sealed partial class PuttyMessagesAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var refused = false;
        var noMethods = false;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in paste.Lines)
        {
            if (line.Contains("Unable to use key file", StringComparison.Ordinal) && PasteRegex.TryMatch(OpenSshKeyGiven(), line, out var m))
            {
                var path = m.Groups["path"].Value;
                if (reported.Add(path))
                {
                    yield return OpenSshKeyInPutty(path);
                }
            }
            refused |= line.Contains("refused our key", StringComparison.OrdinalIgnoreCase) || line.Contains("refused our public key", StringComparison.OrdinalIgnoreCase);
            // Server logs say "…: No supported authentication methods available [preauth]" too; that case is the key algorithm analyzer's.
            noMethods |= line.Contains("No supported authentication methods available", StringComparison.OrdinalIgnoreCase) && !line.Contains("[preauth]", StringComparison.Ordinal);
        }
        if (refused || noMethods)
        {
            yield return new Finding(
                refused ? "putty-key-refused" : "putty-no-supported-methods",
                FindingSeverity.Error,
                DiagnosticIntents.PermissionDeniedPublickey,
                new BilingualText(
                    (refused ? "サーバーが PuTTY の提示した鍵を受け入れませんでした。" : "サーバーは公開鍵認証しか受け付けず、PuTTY には使える鍵がありませんでした。")
                        + "確認する順番: 1. PuTTY の Connection → SSH → Auth → Credentials に秘密鍵（.ppk）を指定しているか、2. その鍵の公開鍵を登録したか（PuTTYgen の「Public key for pasting into OpenSSH authorized_keys file」の 1 行）、3. ユーザー名（Connection → Data → Auto-login username）がスパコンのアカウント名か。",
                    (refused ? "The server did not accept the key PuTTY offered." : "The server accepts only public keys and PuTTY had none it could use.")
                        + " Check in order: 1. that PuTTY has your private key (.ppk) under Connection → SSH → Auth → Credentials, 2. that you registered that key's public half (PuTTYgen's one-line \"Public key for pasting into OpenSSH authorized_keys file\"), 3. that the user name (Connection → Data → Auto-login username) is your supercomputer account."));
        }
    }

    private static Finding OpenSshKeyInPutty(string path) => new(
        "putty-openssh-key",
        FindingSeverity.Error,
        DiagnosticIntents.PermissionDeniedPublickey,
        new BilingualText(
            $"PuTTY は OpenSSH 形式の秘密鍵 {path} をそのままでは使えません。PuTTYgen でこの鍵を読み込み（Conversions → Import key）、Save private key で .ppk として保存し、その .ppk を PuTTY に指定してください。",
            $"PuTTY cannot use the OpenSSH private key {path} directly. Load it in PuTTYgen (Conversions → Import key), save it with Save private key as a .ppk, and give PuTTY that .ppk file."),
        FixWords.IsPath(path) ? path : null,
        FixWords.IsPath(path) ? (FixWords.IsWindowsPath(path) ? $"puttygen \"{path}\" -o \"{path}.ppk\"" : $"puttygen {ShellQuote.Path(path)} -o {ShellQuote.Path(path + ".ppk")}") : null);

    [GeneratedRegex(@"Unable to use key file ""(?<path>[^""]+)"" \(OpenSSH SSH-2 private key", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex OpenSshKeyGiven();
}
