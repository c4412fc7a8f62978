using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Windows has no chmod: OpenSSH for Windows rejects a key whose ACL lets other accounts in. Reads <c>icacls</c>
/// output and says which principals must go.
/// </summary>
internal sealed partial class WindowsKeyAclAnalyzer : IPasteAnalyzer
{
    private static readonly string[] TooBroad = ["BUILTIN\\Users", "Everyone", "NT AUTHORITY\\Authenticated Users", "Users", "Authenticated Users"];

    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var files = new List<(string Path, List<(string Principal, bool Inherited)> Aces)>();
        foreach (var line in paste.Lines)
        {
            if (line.Length > PasteRegex.MaxLineLength || !line.Contains(":(", StringComparison.Ordinal))
            {
                continue;
            }
            if (PasteRegex.TryMatch(FirstLine(), line, out var m))
            {
                files.Add((m.Groups["path"].Value, [Ace(m)]));
            }
            else if (files.Count > 0 && PasteRegex.TryMatch(ContinuationLine(), line, out m))
            {
                files[^1].Aces.Add(Ace(m));
            }
        }

        foreach (var (path, aces) in files)
        {
            var name = path[(path.LastIndexOfAny(['\\', '/']) + 1)..];
            if (!IsPrivateKeyName(name))
            {
                continue;
            }
            var owner = OwnerFromPath(path);
            var strangers = aces
                .Where(a => TooBroad.Contains(a.Principal, StringComparer.OrdinalIgnoreCase)
                    || !(IsSystemPrincipal(a.Principal) || (owner is not null && a.Principal.EndsWith("\\" + owner, StringComparison.OrdinalIgnoreCase))))
                .ToList();
            if (strangers.Count == 0)
            {
                yield return new Finding(
                    "windows-key-acl-ok",
                    FindingSeverity.Info,
                    DiagnosticIntents.WindowsOpenSsh,
                    new BilingualText(
                        $"秘密鍵 {path} のアクセス権は問題ありません（SYSTEM、Administrators と本人だけ）。",
                        $"The access rights of the private key {path} are fine (only SYSTEM, Administrators and you)."),
                    path);
                continue;
            }
            var fix = new List<string> { PowerShellAcl.OwnerOnly(path, "R") };
            fix.AddRange(strangers.Where(s => !s.Inherited).Select(s => PowerShellAcl.Remove(path, s.Principal)));
            var who = string.Join(", ", strangers.Select(s => s.Principal).Distinct());
            yield return new Finding(
                "windows-key-acl-too-open",
                FindingSeverity.Error,
                DiagnosticIntents.WindowsOpenSsh,
                new BilingualText(
                    $"秘密鍵 {path} に本人以外（{who}）のアクセス権があるため、Windows の OpenSSH がこの鍵を使いません。PowerShell で次のコマンドを実行し、継承を切って自分だけに読み取り権限を与えてください。",
                    $"Windows OpenSSH will not use the private key {path} because others ({who}) can access it. Run the commands below in PowerShell to remove inheritance and grant read access to yourself only."),
                path,
                string.Join('\n', fix));
        }
    }

    private static (string Principal, bool Inherited) Ace(Match m) =>
        (m.Groups["principal"].Value.Trim(), m.Groups["rights"].Value.Contains("(I)", StringComparison.Ordinal));

    private static bool IsSystemPrincipal(string principal) =>
        principal.Equals("NT AUTHORITY\\SYSTEM", StringComparison.OrdinalIgnoreCase)
        || principal.Equals("BUILTIN\\Administrators", StringComparison.OrdinalIgnoreCase)
        || principal.Equals("SYSTEM", StringComparison.OrdinalIgnoreCase)
        || principal.Equals("Administrators", StringComparison.OrdinalIgnoreCase);

    private static string? OwnerFromPath(string path)
    {
        var m = UsersFolder().Match(path);
        return m.Success ? m.Groups["user"].Value : null;
    }

    private static bool IsPrivateKeyName(string name) =>
        !name.EndsWith(".pub", StringComparison.OrdinalIgnoreCase)
        && name is not ("known_hosts" or "config" or "authorized_keys" or "administrators_authorized_keys" or ".ssh")
        && !name.StartsWith("known_hosts", StringComparison.OrdinalIgnoreCase)
        && (name.StartsWith("id_", StringComparison.OrdinalIgnoreCase) || !name.Contains('.') || name.EndsWith(".pem", StringComparison.OrdinalIgnoreCase));

    // "C:\Users\taro\.ssh\id_ed25519 NT AUTHORITY\SYSTEM:(F)". A principal is "DOMAIN\name" or a bare name; neither
    // part holds a backslash, which keeps a path with spaces ("C:\Users\taro tanaka\…") in the path group.
    [GeneratedRegex(@"^(?<path>[A-Za-z]:\\[^:*?""<>|]*?)\s+(?<principal>(?:[^\\:()]+\\)?[^\\:()]+):(?<rights>(?:\([A-Z,]+\))+)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex FirstLine();

    [GeneratedRegex(@"^\s+(?<principal>(?:[^\\:()]+\\)?[^\\:()]+):(?<rights>(?:\([A-Z,]+\))+)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex ContinuationLine();

    [GeneratedRegex(@"^[A-Za-z]:\\Users\\(?<user>[^\\]+)\\", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 500)]
    private static partial Regex UsersFolder();
}
