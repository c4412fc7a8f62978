using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// "UNPROTECTED PRIVATE KEY FILE" / "Load key …: bad permissions": ssh ignored a key others can read. This is
/// usually the root cause of the "Permission denied" that follows, so it is listed before it. On Windows the fix is
/// the file's ACL (icacls), and a PuTTY .ppk key needs converting, not chmod.
/// </summary>
internal sealed partial class UnprotectedKeyAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in paste.Lines)
        {
            string? path = null, mode = null;
            if (line.Contains("are too open", StringComparison.Ordinal) && PasteRegex.TryMatch(TooOpen(), line, out var m))
            {
                path = m.Groups["path"].Value;
                mode = m.Groups["mode"].Success ? m.Groups["mode"].Value : null;
            }
            else if (line.Contains("bad permissions", StringComparison.Ordinal) && PasteRegex.TryMatch(BadPermissions(), line, out m))
            {
                path = m.Groups["path"].Value.TrimEnd();
            }
            if (path is null)
            {
                continue;
            }
            var windows = FixWords.IsWindowsPath(path);
            if (windows)
            {
                path = FixWords.WindowsPath(path);
            }
            if (!seen.Add(path))
            {
                continue;
            }
            yield return Finding(path, mode, windows);
        }
    }

    private static Finding Finding(string path, string? mode, bool windows)
    {
        if (!FixWords.IsPath(path))
        {
            return new Finding(
                "private-key-too-open",
                FindingSeverity.Error,
                DiagnosticIntents.UnprotectedPrivateKey,
                new BilingualText(
                    "秘密鍵のパーミッションが緩すぎるため、ssh がこの鍵を使わずに無視しています。自分の計算機で、自分だけが読めるようにしてください（Linux/Mac は chmod 600、Windows は icacls）。",
                    "ssh ignored your private key because its permissions are too open. On your own computer, make it readable by you only (chmod 600 on Linux/macOS, icacls on Windows)."));
        }
        if (PuttyKey.IsPpk(path))
        {
            return new Finding("key-putty-format", FindingSeverity.Error, DiagnosticIntents.PermissionDeniedPublickey, PuttyKey.Explanation(path), path, PuttyKey.ToOpenSshFix(path));
        }
        var modeJa = mode is null ? "" : $"（現在 {mode}）";
        var modeEn = mode is null ? "" : $" (now {mode})";
        var publicHalfJa = path.EndsWith(".pub", StringComparison.OrdinalIgnoreCase) ? "なお .pub は公開鍵です。-i や IdentityFile には .pub の付かない秘密鍵を指定してください。" : "";
        var publicHalfEn = path.EndsWith(".pub", StringComparison.OrdinalIgnoreCase) ? " Note that .pub is the public half: give -i or IdentityFile the private key, without .pub." : "";
        return new Finding(
            "private-key-too-open",
            FindingSeverity.Error,
            DiagnosticIntents.UnprotectedPrivateKey,
            windows
                ? new BilingualText(
                    $"秘密鍵 {path} に本人以外のアクセス権があるため、Windows の OpenSSH がこの鍵を使わずに無視しています。Windows には chmod がありません。PowerShell で次のコマンドを実行し、継承を切って自分だけに読み取り権限を与えてください。{publicHalfJa}",
                    $"Windows OpenSSH ignored the private key {path} because other accounts can access it. Windows has no chmod: run the commands below in PowerShell to remove inherited access and give read access to you only.{publicHalfEn}")
                : new BilingualText(
                    $"秘密鍵 {path} のパーミッションが緩すぎる{modeJa}ため、ssh がこの鍵を使わずに無視しています。自分の計算機で、自分だけが読めるようにしてください。{publicHalfJa}",
                    $"ssh ignored the private key {path} because its permissions are too open{modeEn}. On your own computer, make it readable by you only.{publicHalfEn}"),
            path,
            windows ? PowerShellAcl.OwnerOnly(path, "R") : $"chmod 600 {ShellQuote.Path(path)}");
    }

    [GeneratedRegex(@"Permissions (?:(?<mode>0?[0-7]{3,4}) )?for '(?<path>[^']+)' are too open", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex TooOpen();

    // "Load key "PATH": bad permissions" (7.x+), "bad permissions: ignore key: PATH" (older), Windows' "Failed to load key PATH: bad permissions".
    [GeneratedRegex(@"Load key ""(?<path>[^""]+)"": bad permissions|bad permissions: ignore key: (?<path>\S.*)$|Failed to load key (?<path>\S+): bad permissions", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex BadPermissions();
}
