using Microsoft.Extensions.Configuration;
using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Probes;

// sshd and the wrapper script are Unix-only, like the gateways.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServerCheckTests : IDisposable
{
    private const string ChatUser = "slack:U0ALICE";
    private readonly DirectoryInfo tree = Directory.CreateTempSubdirectory("sshbot-accounts-");

    public void Dispose() => tree.Delete(recursive: true);

    /// <summary>alice's home is world-writable, ~/.ssh group- and world-readable, authorized_keys world-writable: all wrong for sshd.</summary>
    private async Task<(string Passwd, string Home, string KeyFingerprint)> AccountTreeWithWrongModesAsync()
    {
        var home = Path.Combine(tree.FullName, "home", "alice");
        var ssh = Directory.CreateDirectory(Path.Combine(home, ".ssh")).FullName;
        var keys = Path.Combine(ssh, "authorized_keys");
        await File.WriteAllTextAsync(keys, $"ssh-ed25519 {await PublicKeyBlobAsync()} alice@example.org\n");
        File.SetUnixFileMode(home, (UnixFileMode)Convert.ToInt32("777", 8));
        File.SetUnixFileMode(ssh, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(keys, (UnixFileMode)Convert.ToInt32("666", 8));
        var passwd = Path.Combine(tree.FullName, "passwd");
        await File.WriteAllTextAsync(passwd, $"alice:x:1000:1000:Alice:{home}:/bin/sh\n");
        return (passwd, home, await FingerprintOfAsync(keys));
    }

    private async Task<string> PublicKeyBlobAsync()
    {
        var key = Path.Combine(tree.FullName, $"alice_{Guid.NewGuid():N}");
        await Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        return (await File.ReadAllTextAsync(key + ".pub")).Split(' ')[1];
    }

    private static async Task<string> FingerprintOfAsync(string file) => (await Run("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", file)).Split(' ')[1];

    private static async Task<string> Run(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var child = System.Diagnostics.Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return output;
    }

    private static string WrapperScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "infra", "sshbot-check-account.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }
        throw new FileNotFoundException("infra/sshbot-check-account.sh was not found above the test directory.");
    }

    private static ServerCheckOptions Options(SshdServer sshd, string clientKey, string passwd, string? hostFingerprint = null, string account = "alice") =>
        new(true, sshd.Host, sshd.Port, Environment.UserName, clientKey,
            $"SSHBOT_CHECK_PASSWD={passwd} sh {WrapperScript()}",
            [hostFingerprint ?? sshd.Fingerprints["ED25519"]],
            new Dictionary<string, string> { [ChatUser] = account },
            TimeSpan.FromMinutes(5),
            TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_mapped_user_gets_the_modes_owners_and_key_fingerprints_of_their_own_account_tree()
    {
        var (passwd, home, fingerprint) = await AccountTreeWithWrongModesAsync();
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), passwd), new ManualClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(ChatUser, CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Completed, result.Outcome);
        Assert.Equal("alice", result.Account);
        var report = result.Report!;
        Assert.Equal((home, 0b111_111_111, "directory"), (report["home"]!.Path, report["home"]!.Mode!.Value, report["home"]!.Type!));
        Assert.Equal(0b111_101_101, report["ssh_dir"]!.Mode);
        Assert.Equal(0b110_110_110, report["authorized_keys"]!.Mode);
        Assert.Equal(Environment.UserName, report["authorized_keys"]!.Owner);
        var key = Assert.Single(report.Keys);
        Assert.Equal((256, fingerprint, "ED25519"), (key.Bits, key.Fingerprint, key.Type));
    }

    [Fact]
    public async Task The_output_never_carries_a_key_or_its_comment()
    {
        var (passwd, _, _) = await AccountTreeWithWrongModesAsync();
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), passwd), new ManualClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(ChatUser, CancellationToken.None);

        var text = string.Join('\n', result.Report!.Paths.Select(p => p.ToString()).Concat(result.Report.Keys.Select(k => k.ToString())));
        Assert.DoesNotContain("alice@example.org", text);
        Assert.DoesNotContain("ssh-ed25519 ", text);
    }

    [Fact]
    public async Task A_missing_ssh_directory_is_reported_as_missing()
    {
        var home = Directory.CreateDirectory(Path.Combine(tree.FullName, "home", "alice")).FullName;
        var passwd = Path.Combine(tree.FullName, "passwd");
        await File.WriteAllTextAsync(passwd, $"alice:x:1000:1000::{home}:/bin/sh\n");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), passwd), new ManualClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(ChatUser, CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Completed, result.Outcome);
        Assert.False(result.Report!["ssh_dir"]!.Exists);
        Assert.False(result.Report["authorized_keys"]!.Exists);
        Assert.Empty(result.Report.Keys);
    }

    [Fact]
    public async Task The_service_key_is_not_offered_to_a_server_whose_host_key_is_not_the_configured_one()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(
            Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), "/nonexistent", hostFingerprint: "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og"),
            new ManualClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(ChatUser, CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Failed, result.Outcome);
        Assert.Contains("did not present a configured host key", result.Detail);
        Assert.Null(result.Report);
    }

    [Theory]
    [InlineData("alice;cat /etc/shadow")]
    [InlineData("-oProxyCommand=sh")]
    [InlineData("../root")]
    [InlineData("Alice")]
    [InlineData("$(id)")]
    public async Task A_mapped_account_name_that_is_not_a_plain_account_name_is_refused_without_connecting(string account)
    {
        var options = new ServerCheckOptions(true, "127.0.0.1", SshdServer.FreePort(), "svc", "/nonexistent", "check",
            ["SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og"], new Dictionary<string, string> { [ChatUser] = account },
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));

        var result = await new ServerCheck(options, new ManualClock(), new ListLogger<ServerCheck>()).RunAsync(ChatUser, CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.InvalidAccount, result.Outcome);
    }

    [Fact]
    public async Task A_chat_user_without_a_mapped_account_is_not_checked()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), "/nonexistent"), new ManualClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync("slack:U0MALLORY", CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.NotMapped, result.Outcome);
        Assert.Null(result.Account);
    }

    [Fact]
    public async Task A_second_request_within_the_interval_is_refused_and_one_after_it_runs()
    {
        var (passwd, _, _) = await AccountTreeWithWrongModesAsync();
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var clock = new ManualClock();
        var check = new ServerCheck(Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), passwd), clock, new ListLogger<ServerCheck>());

        var first = await check.RunAsync(ChatUser, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        var tooSoon = await check.RunAsync(ChatUser, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await check.RunAsync(ChatUser, CancellationToken.None);

        Assert.Equal(
            [ServerCheckOutcome.Completed, ServerCheckOutcome.RateLimited, ServerCheckOutcome.Completed],
            new[] { first.Outcome, tooSoon.Outcome, later.Outcome });
    }

    [Fact]
    public async Task Every_request_is_logged_with_the_chat_user_the_account_and_the_outcome()
    {
        var logger = new ListLogger<ServerCheck>();
        var options = new ServerCheckOptions(true, "127.0.0.1", 22, "svc", "/nonexistent", "check",
            ["SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og"], new Dictionary<string, string> { [ChatUser] = "a;b" },
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        var check = new ServerCheck(options, new ManualClock(), logger);

        await check.RunAsync(ChatUser, CancellationToken.None);
        await check.RunAsync("slack:U0MALLORY", CancellationToken.None);

        Assert.Equal(2, logger.Messages.Count);
        Assert.Contains($"{ChatUser} for account a;b: InvalidAccount", logger.Messages[0]);
        Assert.Contains("slack:U0MALLORY for account -: NotMapped", logger.Messages[1]);
    }

    [Fact]
    public void The_check_is_off_unless_an_administrator_enables_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServerCheck:User"] = "sshbot",
            ["ServerCheck:KeyPath"] = "/etc/sshbot/id_ed25519",
            ["ServerCheck:Command"] = "sudo -n /usr/local/sbin/sshbot-check-account.sh",
            ["ServerCheck:Accounts:0:ChatUser"] = ChatUser,
            ["ServerCheck:Accounts:0:Account"] = "alice",
        }).Build();

        var options = ServerCheckOptions.From(configuration, GatewayOptions.Defaults);

        Assert.False(options.Enabled);
        Assert.Equal(("gw.ddbj.nig.ac.jp", 22), (options.Host, options.Port));
        Assert.Equal("alice", options.Accounts[ChatUser]);
        Assert.Equal(TimeSpan.FromMinutes(5), options.PerUserInterval);
    }

    [Fact]
    public async Task Enabled_without_any_known_host_key_it_refuses_to_connect()
    {
        var options = new ServerCheckOptions(true, "gw.ddbj.nig.ac.jp", 22, "svc", "/etc/key", "check", [],
            new Dictionary<string, string> { [ChatUser] = "alice" }, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));

        var result = await new ServerCheck(options, new ManualClock(), new ListLogger<ServerCheck>()).RunAsync(ChatUser, CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Disabled, result.Outcome);
        Assert.Contains("no host-key fingerprint", result.Detail);
    }
}
