using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// "Load key …: invalid format": the file is not a private key OpenSSH can read, typically a PuTTY .ppk, the .pub
/// half, or a key damaged by copying (Windows line ends, lost lines). ssh then goes on without it and gets refused.
/// </summary>
internal sealed partial class KeyFormatAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in PasteRegex.MatchLines(paste, InvalidFormat(), "Load key "))
        {
            var path = m.Groups["path"].Value;
            if (!seen.Add(path))
            {
                continue;
            }
            var reason = m.Groups["reason"].Value;
            if (!FixWords.IsPath(path))
            {
                yield return new Finding(
                    "key-invalid-format",
                    FindingSeverity.Error,
                    DiagnosticIntents.PermissionDeniedPublickey,
                    new BilingualText(
                        $"指定した鍵ファイルを秘密鍵として読めませんでした（{reason}）。公開鍵（.pub）や PuTTY 形式（.ppk）を指定していないか、コピーの途中で改行や行が壊れていないか確認してください。",
                        $"The key file could not be read as a private key ({reason}). Check that it is not the public half (.pub) or a PuTTY key (.ppk), and that copying did not damage its lines or line ends."));
                continue;
            }
            if (PuttyKey.IsPpk(path))
            {
                yield return new Finding("key-invalid-format", FindingSeverity.Error, DiagnosticIntents.PermissionDeniedPublickey, PuttyKey.Explanation(path), path, PuttyKey.ToOpenSshFix(path));
                continue;
            }
            var publicHalf = path.EndsWith(".pub", StringComparison.OrdinalIgnoreCase);
            yield return new Finding(
                "key-invalid-format",
                FindingSeverity.Error,
                DiagnosticIntents.PermissionDeniedPublickey,
                publicHalf
                    ? new BilingualText(
                        $"{path} は公開鍵です。ssh の -i や IdentityFile には、.pub の付かない秘密鍵のファイルを指定してください。次のコマンドが公開鍵を表示すれば、その秘密鍵は使えます。",
                        $"{path} is the public half of a key pair. Give ssh -i or IdentityFile the private key file, the one without .pub; if the command below prints a public key, that private key is usable.")
                    : new BilingualText(
                        $"{path} を秘密鍵として読めませんでした（{reason}）。公開鍵（.pub）を指定していないか、コピーの途中で改行や行が壊れていないか確認してください。次のコマンドで公開鍵を作り直せれば、鍵そのものは読めています。",
                        $"{path} could not be read as a private key ({reason}). Check that it is not the public half (.pub) and that copying did not damage its lines or line ends. If the command below prints a public key, the key itself is readable."),
                path,
                $"ssh-keygen -y -f {ShellQuote.Path(publicHalf ? path[..^4] : path)}");
        }
    }

    [GeneratedRegex(@"Load key ""(?<path>[^""]+)"": (?<reason>invalid format|error in libcrypto)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex InvalidFormat();
}
