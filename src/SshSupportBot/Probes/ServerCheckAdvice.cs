using SshSupportBot.Diagnostics;

namespace SshSupportBot.Probes;

/// <summary>
/// Reads a <see cref="ServerCheckReport"/> the way sshd's StrictModes does: the home directory, <c>~/.ssh</c> and
/// <c>authorized_keys</c> must be owned by the account (or root) and not writable by group or others, or the keys are
/// ignored. The recommended modes (700 for <c>~/.ssh</c>, 600 or 644 for <c>authorized_keys</c>) are advice on top.
/// </summary>
internal static class ServerCheckAdvice
{
    private const int GroupOrOthersWrite = 0b000_010_010;

    public static IReadOnlyList<ServerCheckFinding> For(string account, ServerCheckReport report)
    {
        var findings = new List<ServerCheckFinding>();
        if (report["home"] is { } home)
        {
            Home(account, home, findings);
        }
        if (report["ssh_dir"] is { } sshDir && report["home"] is { Exists: true })
        {
            SshDirectory(account, sshDir, findings);
        }
        if (report["authorized_keys"] is { } keys && report["ssh_dir"] is { Exists: true })
        {
            AuthorizedKeys(account, keys, report.Keys.Count, findings);
        }
        return findings;
    }

    private static void Home(string account, AccountPath home, List<ServerCheckFinding> findings)
    {
        var path = ShellQuote.Word(home.Path);
        if (!home.Exists)
        {
            findings.Add(new("home", home.Path, true, "the home directory does not exist",
                $"install -d -m 755 -o {account} {path}"));
            return;
        }
        Owner(account, home, path, findings);
        if ((home.Mode & GroupOrOthersWrite) != 0)
        {
            findings.Add(new("home", home.Path, true, $"the home directory is writable by group or others (mode {Octal(home)})",
                $"chmod go-w {path}"));
        }
    }

    private static void SshDirectory(string account, AccountPath sshDir, List<ServerCheckFinding> findings)
    {
        var path = ShellQuote.Word(sshDir.Path);
        if (!sshDir.Exists)
        {
            findings.Add(new("ssh_dir", sshDir.Path, true, "~/.ssh does not exist, so no public key is registered",
                $"install -d -m 700 -o {account} {path}, then add the user's public key to {ShellQuote.Word(sshDir.Path + "/authorized_keys")}"));
            return;
        }
        Owner(account, sshDir, path, findings);
        if (sshDir.Mode != 0b111_000_000)
        {
            var blocks = (sshDir.Mode & GroupOrOthersWrite) != 0;
            findings.Add(new("ssh_dir", sshDir.Path, blocks,
                blocks ? $"~/.ssh is writable by group or others (mode {Octal(sshDir)})" : $"~/.ssh has mode {Octal(sshDir)}; 700 is recommended",
                $"chmod 700 {path}"));
        }
    }

    private static void AuthorizedKeys(string account, AccountPath keys, int registeredKeys, List<ServerCheckFinding> findings)
    {
        var path = ShellQuote.Word(keys.Path);
        if (!keys.Exists)
        {
            findings.Add(new("authorized_keys", keys.Path, true, "authorized_keys does not exist, so no public key is registered",
                $"add the user's public key to {path} and run chmod 600 {path}"));
            return;
        }
        Owner(account, keys, path, findings);
        if (keys.Mode is not (0b110_000_000 or 0b110_100_100))
        {
            var blocks = (keys.Mode & GroupOrOthersWrite) != 0;
            findings.Add(new("authorized_keys", keys.Path, blocks,
                blocks ? $"authorized_keys is writable by group or others (mode {Octal(keys)})" : $"authorized_keys has mode {Octal(keys)}; 600 or 644 is expected",
                $"chmod 600 {path}"));
        }
        if (registeredKeys == 0)
        {
            findings.Add(new("authorized_keys", keys.Path, true, "authorized_keys holds no readable public key",
                $"add the user's public key to {path} (one key per line)"));
        }
    }

    /// <summary>sshd accepts root as owner too, but then the user cannot keep their own keys; only another account blocks login.</summary>
    private static void Owner(string account, AccountPath file, string path, List<ServerCheckFinding> findings)
    {
        if (file.Owner is { } owner && owner != account)
        {
            findings.Add(new(file.Role, file.Path, owner != "root", $"{file.Path} is owned by {owner}, not {account}",
                $"chown {account} {path}"));
        }
    }

    private static string Octal(AccountPath file) => Convert.ToString(file.Mode ?? 0, 8).PadLeft(3, '0');
}
