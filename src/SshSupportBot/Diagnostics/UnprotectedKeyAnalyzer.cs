using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// "UNPROTECTED PRIVATE KEY FILE" / "Load key …: bad permissions": ssh ignored a key others can read. This is
/// usually the root cause of the "Permission denied" that follows, so it is listed before it.
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
                mode = m.Groups["mode"].Value;
            }
            else if (line.Contains("bad permissions", StringComparison.Ordinal) && PasteRegex.TryMatch(BadPermissions(), line, out m))
            {
                path = m.Groups["path"].Value;
            }
            if (path is null)
            {
                continue;
            }
            // Windows OpenSSH prints its paths with doubled backslashes and has no octal mode to report.
            var windows = WindowsPath().IsMatch(path);
            if (windows)
            {
                path = path.Replace("\\\\", "\\");
            }
            if (!seen.Add(path))
            {
                continue;
            }
            var modeJa = mode is null ? "" : $"（現在 {mode}）";
            var modeEn = mode is null ? "" : $" (now {mode})";
            yield return new Finding(
                "private-key-too-open",
                FindingSeverity.Error,
                DiagnosticIntents.UnprotectedPrivateKey,
                new BilingualText(
                    $"秘密鍵 {path} のパーミッションが緩すぎる{modeJa}ため、ssh がこの鍵を使わずに無視しています。自分の計算機で、自分だけが読めるようにしてください（Linux/Mac は chmod 600、Windows は icacls）。",
                    $"ssh ignored the private key {path} because its permissions are too open{modeEn}. On your own computer, make it readable by you only (chmod 600 on Linux/macOS, icacls on Windows)."),
                path,
                windows
                    ? $"icacls {ShellQuote.Windows(path)} /inheritance:r\nicacls {ShellQuote.Windows(path)} /grant:r \"%USERNAME%:R\""
                    : $"chmod 600 {ShellQuote.Path(path)}");
        }
    }

    [GeneratedRegex(@"Permissions (?:(?<mode>0?[0-7]{3,4}) )?for '(?<path>[^']+)' are too open", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex TooOpen();

    [GeneratedRegex(@"^[A-Za-z]:[\\/]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex WindowsPath();

    [GeneratedRegex(@"Load key ""(?<path>[^""]+)"": bad permissions", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex BadPermissions();
}
