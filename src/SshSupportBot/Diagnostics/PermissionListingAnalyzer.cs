using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Judges a pasted permission listing against the modes OpenSSH (StrictModes) and the NIG FAQ require, names the
/// side each file belongs on, and gives the exact chmod for each wrong path.
/// </summary>
internal sealed partial class PermissionListingAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var entries = PermissionListingParser.Parse(paste);
        if (entries.Count == 0)
        {
            return [];
        }
        var homes = entries
            .Select(e => e.Path)
            .Where(p => p.EndsWith("/.ssh", StringComparison.Ordinal))
            .Select(p => p[..^5])
            .Where(p => p.Length > 0)
            .Concat(entries.Select(e => e.Path).Where(p => p == "~" || HomeDirectory().IsMatch(p)))
            .ToHashSet(StringComparer.Ordinal);
        var judged = entries.Select(e => (Entry: e, Role: SshPathRoles.Of(e, homes))).Where(x => x.Role != SshPathRole.Other).ToList();
        if (judged.Count == 0)
        {
            return [];
        }

        var findings = new List<Finding>();
        foreach (var (entry, role) in judged)
        {
            if (ModeFinding(entry, role) is { } finding)
            {
                findings.Add(finding);
            }
        }
        findings.AddRange(OwnerFindings(judged));
        findings.AddRange(ServerSideKeys(paste, judged));

        if (!findings.Any(f => f.Severity >= FindingSeverity.Warning))
        {
            var checkedPaths = string.Join(", ", judged.Select(x => $"{x.Entry.Path} ({x.Entry.Octal})"));
            findings.Insert(0, new Finding(
                "permissions-ok",
                FindingSeverity.Info,
                DiagnosticIntents.FilePermissions,
                new BilingualText(
                    $"貼り付けられたパーミッションはすべて問題ありません: {checkedPaths}。",
                    $"All the permissions shown are fine: {checkedPaths}.")));
        }
        return findings;
    }

    private static Finding? ModeFinding(PermissionEntry entry, SshPathRole role)
    {
        var mode = entry.Mode;
        var path = entry.Path;
        var groupOrOtherWrite = (mode & 0b000_010_010) != 0;
        var groupOrOtherAny = (mode & 0b000_111_111) != 0;
        return role switch
        {
            SshPathRole.Home when groupOrOtherWrite => Make("home-writable-by-others", FindingSeverity.Error, entry,
                $"ホームディレクトリ {path} が他のユーザーから書き込み可能です（{entry.Octal}）。この状態では sshd が鍵認証を拒否することがあります。グループと他人の書き込み権限を外してください（700、711、750 など）。ホームディレクトリは自分の計算機とスパコンの両方にあります。",
                $"The home directory {path} is writable by others ({entry.Octal}); sshd may refuse key login then. Remove group and other write (700, 711 or 750 are fine). Home directories exist on both your computer and the supercomputer.",
                $"chmod go-w {ShellQuote.Path(path)}"),
            SshPathRole.SshDirectory when mode != 0b111_000_000 => Make("ssh-dir-mode", groupOrOtherWrite ? FindingSeverity.Error : FindingSeverity.Warning, entry,
                $"{path} のパーミッションが {entry.Octal} です。700 にしてください。~/.ssh は自分の計算機とスパコンの両方にあります。",
                $"{path} has mode {entry.Octal}; it must be 700. ~/.ssh exists on both your computer and the supercomputer.",
                $"chmod 700 {ShellQuote.Path(path)}"),
            SshPathRole.PrivateKey when groupOrOtherAny => Make("private-key-mode", FindingSeverity.Error, entry,
                $"秘密鍵 {path} のパーミッションが {entry.Octal} です。ssh は他人が読める秘密鍵を使いません。600 にしてください。秘密鍵は自分の計算機だけに置くものです。",
                $"The private key {path} has mode {entry.Octal}; ssh will not use a key others can read. Make it 600. Private keys belong only on your own computer.",
                $"chmod 600 {ShellQuote.Path(path)}"),
            SshPathRole.AuthorizedKeys when groupOrOtherAny => Make("authorized-keys-mode", groupOrOtherWrite ? FindingSeverity.Error : FindingSeverity.Warning, entry,
                $"{path} のパーミッションが {entry.Octal} です。600 にしてください。authorized_keys はスパコン（サーバー）側のファイルです。",
                $"{path} has mode {entry.Octal}; make it 600. authorized_keys belongs on the supercomputer (server) side.",
                $"chmod 600 {ShellQuote.Path(path)}"),
            SshPathRole.KnownHosts when groupOrOtherWrite || (mode & 0b001_001_001) != 0 => Make("known-hosts-mode", FindingSeverity.Warning, entry,
                $"{path} のパーミッションが {entry.Octal} です。600 または 644 にしてください。known_hosts は自分の計算機側のファイルです。",
                $"{path} has mode {entry.Octal}; it should be 600 or 644. known_hosts belongs on your own computer.",
                $"chmod 600 {ShellQuote.Path(path)}"),
            SshPathRole.Config when groupOrOtherWrite => Make("config-writable", FindingSeverity.Error, entry,
                $"{path} がグループや他人から書き込み可能です（{entry.Octal}）。ssh は「Bad owner or permissions」と言って動きません。600 にしてください。config は自分の計算機側のファイルです。",
                $"{path} is writable by group or others ({entry.Octal}); ssh stops with \"Bad owner or permissions\". Make it 600. The config file belongs on your own computer.",
                $"chmod 600 {ShellQuote.Path(path)}"),
            _ => null,
        };
    }

    private static IEnumerable<Finding> OwnerFindings(List<(PermissionEntry Entry, SshPathRole Role)> judged)
    {
        var owned = judged.Where(x => x.Entry.Owner is not null).ToList();
        if (owned.Count == 0)
        {
            yield break;
        }
        // The home (or ~/.ssh) owner is the account; without them, the owner most files have.
        var account = owned.FirstOrDefault(x => x.Role == SshPathRole.Home).Entry?.Owner
            ?? owned.FirstOrDefault(x => x.Role == SshPathRole.SshDirectory).Entry?.Owner
            ?? owned.GroupBy(x => x.Entry.Owner).OrderByDescending(g => g.Count()).First().Key!;
        var group = owned.FirstOrDefault(x => x.Entry.Owner == account).Entry?.Group ?? account;
        foreach (var (entry, _) in owned.Where(x => x.Entry.Owner != account))
        {
            yield return Make("wrong-owner", FindingSeverity.Error, entry,
                $"{entry.Path} の所有者が {entry.Owner} になっています（本来は {account}）。ssh は他人が所有する鍵や設定を使いません。自分の計算機なら chown で所有者を戻してください。スパコン上のファイルなら管理者に相談してください。",
                $"{entry.Path} is owned by {entry.Owner}, not by {account}; ssh will not use keys or settings owned by someone else. On your own computer, give it back with chown; on the supercomputer, ask the administrators.",
                $"sudo chown {ShellQuote.Word(account)}:{ShellQuote.Word(group)} {ShellQuote.Path(entry.Path)}");
        }
    }

    /// <summary>A private key next to authorized_keys on the supercomputer: the key does not belong there. Only said when the prompt shows the supercomputer.</summary>
    private static IEnumerable<Finding> ServerSideKeys(PastedText paste, List<(PermissionEntry Entry, SshPathRole Role)> judged)
    {
        var onServer = paste.Lines.Any(l => l.Length < 300 && PasteRegex.TryMatch(SupercomputerPrompt(), l, out _));
        if (!onServer)
        {
            yield break;
        }
        foreach (var (entry, _) in judged.Where(x => x.Role == SshPathRole.PrivateKey))
        {
            yield return Make("private-key-on-server", FindingSeverity.Warning, entry,
                $"スパコン上に秘密鍵 {entry.Path} があるようです。秘密鍵は自分の計算機だけに置き、スパコン側には公開鍵を authorized_keys に登録するだけにしてください。不要なら削除してください。",
                $"There seems to be a private key, {entry.Path}, on the supercomputer. Keep private keys only on your own computer; the supercomputer needs just the public key in authorized_keys. Delete it if it is not needed.",
                null);
        }
    }

    private static Finding Make(string code, FindingSeverity severity, PermissionEntry entry, string ja, string en, string? fix) =>
        new(code, severity, DiagnosticIntents.FilePermissions, new BilingualText(ja, en), entry.Path, fix);

    [GeneratedRegex(@"^/(?:home|Users)/[^/]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex HomeDirectory();

    // Prompts like "you@gw:~$", "your_account@gw4:~ (2022-12-01 15:34:50)" or a *.nig.ac.jp host name.
    [GeneratedRegex(@"^\S*?[\w.-]+@(?:gw\d*|at\d+|[\w.-]*\.nig\.ac\.jp)(?::|\s|\$|\]|>)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex SupercomputerPrompt();
}
