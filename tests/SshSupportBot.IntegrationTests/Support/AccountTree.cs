using System.Diagnostics;
using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Support;

/// <summary>
/// A temporary account tree and passwd file for the server-side check: the real wrapper script reads it through the real
/// sshd (via <c>SSHBOT_CHECK_PASSWD</c>), logged in with a service key the test authorizes.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class AccountTree : IDisposable
{
    private readonly DirectoryInfo _tree = Directory.CreateTempSubdirectory("sshbot-accounts-");

    public string Passwd => Path.Combine(_tree.FullName, "passwd");

    public string Home(string account) => Path.Combine(_tree.FullName, "home", account);

    public void Dispose() => _tree.Delete(recursive: true);

    /// <summary>
    /// The account's home, ~/.ssh and authorized_keys (one ed25519 key) with the given modes, e.g. 777, 755, 666: what a user
    /// who ran <c>chmod -R 777 ~</c> has. Returns the key's fingerprint.
    /// </summary>
    public async Task<string> AddAccountAsync(string account, string homeMode, string sshMode, string keysMode)
    {
        var home = Home(account);
        var ssh = Directory.CreateDirectory(Path.Combine(home, ".ssh")).FullName;
        var keys = Path.Combine(ssh, "authorized_keys");
        await File.WriteAllTextAsync(keys, $"ssh-ed25519 {await PublicKeyBlobAsync(account)} {account}@example.org\n");
        File.SetUnixFileMode(home, (UnixFileMode)Convert.ToInt32(homeMode, 8));
        File.SetUnixFileMode(ssh, (UnixFileMode)Convert.ToInt32(sshMode, 8));
        File.SetUnixFileMode(keys, (UnixFileMode)Convert.ToInt32(keysMode, 8));
        await AddPasswdEntryAsync(account, home);
        return (await RunAsync("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", keys)).Split(' ')[1];
    }

    public Task AddPasswdEntryAsync(string account, string home) =>
        File.AppendAllTextAsync(Passwd, $"{account}:x:1000:1000:{account}:{home}:/bin/sh\n");

    /// <summary>The check configured as an admin would, against the test sshd, with the script reading this tree.</summary>
    public ServerCheckSettings Options(SshdServer sshd, string serviceKey, string? hostFingerprint = null) =>
        new(sshd.Host, sshd.Port, Environment.UserName, serviceKey, Command,
            [hostFingerprint ?? sshd.Fingerprints["ED25519"]], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

    /// <summary>The fixed command: the repository's read-only script, pointed at this tree's passwd file.</summary>
    public string Command => $"SSHBOT_CHECK_PASSWD={Passwd} sh {Path.Combine(RepositoryPaths.Root, "infra", "sshbot-check-account.sh")}";

    private async Task<string> PublicKeyBlobAsync(string account)
    {
        var key = Path.Combine(_tree.FullName, $"{account}_{Guid.NewGuid():N}");
        await RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        return (await File.ReadAllTextAsync(key + ".pub")).Split(' ')[1];
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return output;
    }
}
