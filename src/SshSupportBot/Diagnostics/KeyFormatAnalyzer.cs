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
            var putty = path.EndsWith(".ppk", StringComparison.OrdinalIgnoreCase);
            var (ja, en) = putty
                ? ($"{path} は PuTTY 形式の鍵で、OpenSSH はそのままでは読めません。puttygen で OpenSSH 形式に変換してください。",
                   $"{path} is a PuTTY key, which OpenSSH cannot read. Convert it to OpenSSH format with puttygen.")
                : ($"{path} を秘密鍵として読めませんでした（{m.Groups["reason"].Value}）。公開鍵（.pub）を指定していないか、コピーの途中で改行や行が壊れていないか確認してください。",
                   $"{path} could not be read as a private key ({m.Groups["reason"].Value}). Check that it is not the public half (.pub) and that copying did not damage its lines or line ends.");
            yield return new Finding(
                "key-invalid-format",
                FindingSeverity.Error,
                DiagnosticIntents.PermissionDeniedPublickey,
                new BilingualText(ja, en),
                path,
                putty ? $"puttygen {ShellQuote.Path(path)} -O private-openssh -o ~/.ssh/id_ed25519" : $"ssh-keygen -y -f {ShellQuote.Path(path)}");
        }
    }

    [GeneratedRegex(@"Load key ""(?<path>[^""]+)"": (?<reason>invalid format|error in libcrypto)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex InvalidFormat();
}
