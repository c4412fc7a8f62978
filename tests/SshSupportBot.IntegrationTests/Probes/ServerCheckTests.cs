using Microsoft.Extensions.Configuration;
using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace SshSupportBot.Tests.Probes;

// sshd and the wrapper script are Unix-only, like the gateways.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServerCheckTests : IDisposable
{
    private const string Admin = "slack:U0ADMIN";
    private const string Unreachable = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og";
    private readonly AccountTree _accounts = new();

    public void Dispose() => _accounts.Dispose();

    private static ServerCheckSettings UnconnectableOptions(int port) =>
        new("127.0.0.1", port, "svc", "/nonexistent", "check", [Unreachable], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task The_modes_owners_and_key_fingerprints_of_the_named_account_are_read_from_the_gateway()
    {
        var fingerprint = await _accounts.AddAccountAsync("alice", homeMode: "777", sshMode: "755", keysMode: "666");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()), new ManualNowClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(Admin, "alice", CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Completed, result.Outcome);
        Assert.Equal("alice", result.Account);
        var report = result.Report!;
        Assert.Equal((_accounts.Home("alice"), 0b111_111_111, "directory"), (report["home"]!.Path, report["home"]!.Mode!.Value, report["home"]!.Type!));
        Assert.Equal(0b111_101_101, report["ssh_dir"]!.Mode);
        Assert.Equal(0b110_110_110, report["authorized_keys"]!.Mode);
        Assert.Equal(Environment.UserName, report["authorized_keys"]!.Owner);
        var key = Assert.Single(report.Keys);
        Assert.Equal((256, fingerprint, "ED25519"), (key.Bits, key.Fingerprint, key.Type));
    }

    [Fact]
    public async Task A_world_writable_home_and_a_wrong_authorized_keys_mode_are_found_with_their_fixes()
    {
        await _accounts.AddAccountAsync("alice", homeMode: "777", sshMode: "700", keysMode: "666");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()), new ManualNowClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(Admin, "alice", CancellationToken.None);

        var blocking = result.Findings!.Where(f => f.BlocksLogin).ToList();
        Assert.Equal(
            [("home", $"chmod go-w {_accounts.Home("alice")}"), ("authorized_keys", $"chmod 600 {_accounts.Home("alice")}/.ssh/authorized_keys")],
            blocking.Select(f => (f.Role, f.Fix)));
        Assert.Contains("writable by group or others (mode 777)", blocking[0].Problem);
        Assert.Contains("(mode 666)", blocking[1].Problem);
    }

    [Fact]
    public async Task The_output_never_carries_a_key_or_its_comment()
    {
        await _accounts.AddAccountAsync("alice", homeMode: "755", sshMode: "700", keysMode: "600");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()), new ManualNowClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(Admin, "alice", CancellationToken.None);

        var text = string.Join('\n', result.Report!.Paths.Select(p => p.ToString()).Concat(result.Report.Keys.Select(k => k.ToString())));
        Assert.DoesNotContain("alice@example.org", text);
        Assert.DoesNotContain("ssh-ed25519 ", text);
    }

    [Fact]
    public async Task A_missing_ssh_directory_is_reported_as_missing_and_as_no_key_registered()
    {
        var home = Directory.CreateDirectory(_accounts.Home("alice")).FullName;
        File.SetUnixFileMode(home, (UnixFileMode)Convert.ToInt32("755", 8));
        await _accounts.AddPasswdEntryAsync("alice", home);
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()), new ManualNowClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(Admin, "alice", CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Completed, result.Outcome);
        Assert.False(result.Report!["ssh_dir"]!.Exists);
        Assert.False(result.Report["authorized_keys"]!.Exists);
        Assert.Empty(result.Report.Keys);
        Assert.Contains(result.Findings!, f => f is { Role: "ssh_dir", BlocksLogin: true } && f.Problem.Contains("no public key is registered"));
    }

    [Fact]
    public async Task An_account_the_gateway_does_not_know_is_reported_as_such()
    {
        await _accounts.AddAccountAsync("alice", homeMode: "755", sshMode: "700", keysMode: "600");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()), new ManualNowClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(Admin, "bob", CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Failed, result.Outcome);
        Assert.Equal("there is no account bob on 127.0.0.1", result.Detail);
    }

    [Fact]
    public async Task The_service_key_is_not_offered_to_a_server_whose_host_key_is_not_the_configured_one()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync(), hostFingerprint: Unreachable),
            new ManualNowClock(), new ListLogger<ServerCheck>());

        var result = await check.RunAsync(Admin, "alice", CancellationToken.None);

        Assert.Equal(ServerCheckOutcome.Failed, result.Outcome);
        Assert.Contains("did not present a configured host key", result.Detail);
        Assert.Null(result.Report);
    }

    [Theory]
    [InlineData("alice;cat /etc/shadow")]
    [InlineData("alice bob")]
    [InlineData("'alice'")]
    [InlineData("\"alice\"")]
    [InlineData("-oProxyCommand=sh")]
    [InlineData("../root")]
    [InlineData("alice/..")]
    [InlineData("Alice")]
    [InlineData("$(id)")]
    [InlineData("`id`")]
    [InlineData("")]
    public async Task An_account_name_that_is_not_a_plain_account_name_is_refused_without_connecting(string account)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var check = new ServerCheck(UnconnectableOptions(port), new ManualNowClock(), new ListLogger<ServerCheck>());

            var result = await check.RunAsync(Admin, account, CancellationToken.None);

            Assert.Equal(ServerCheckOutcome.InvalidAccount, result.Outcome);
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_second_check_of_the_same_account_within_the_interval_is_refused_and_one_after_it_runs()
    {
        await _accounts.AddAccountAsync("alice", homeMode: "755", sshMode: "700", keysMode: "600");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var clock = new ManualNowClock();
        var check = new ServerCheck(_accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()), clock, new ListLogger<ServerCheck>());

        var first = await check.RunAsync(Admin, "alice", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        var tooSoon = await check.RunAsync("teams:29:other-admin", "alice", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await check.RunAsync(Admin, "alice", CancellationToken.None);

        Assert.Equal(
            [ServerCheckOutcome.Completed, ServerCheckOutcome.RateLimited, ServerCheckOutcome.Completed],
            new[] { first.Outcome, tooSoon.Outcome, later.Outcome });
    }

    [Fact]
    public async Task Every_request_is_logged_with_who_asked_the_account_and_the_outcome()
    {
        var logger = new ListLogger<ServerCheck>();
        var check = new ServerCheck(UnconnectableOptions(22), new ManualNowClock(), logger);

        await check.RunAsync(Admin, "a;b", CancellationToken.None);

        Assert.Contains($"{Admin} for account a;b: InvalidAccount", Assert.Single(logger.Messages));
    }

    [Fact]
    public async Task Unconfigured_it_is_off_and_names_the_settings_that_are_missing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServerCheck:User"] = "sshbot",
            ["ServerCheck:Host"] = "gw.example.org",
        }).Build();
        var options = ServerCheckSettings.From(configuration, GatewaySettings.Defaults);

        var result = await new ServerCheck(options, new ManualNowClock(), new ListLogger<ServerCheck>()).RunAsync(Admin, "alice", CancellationToken.None);

        Assert.False(options.IsConfigured);
        Assert.Equal(ServerCheckOutcome.Disabled, result.Outcome);
        Assert.Equal("the server-side check is off until these settings are configured: ServerCheck:KeyPath, ServerCheck:Command, " +
            "ServerCheck:HostFingerprints (no host-key fingerprint is known for gw.example.org)", result.Detail);
    }

    [Fact]
    public void Without_host_keys_of_its_own_it_pins_the_gateways_published_ones()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateways:0:Host"] = "gw.ddbj.nig.ac.jp",
            ["Gateways:0:Fingerprints:0"] = Unreachable,
            ["ServerCheck:User"] = "sshbot",
            ["ServerCheck:KeyPath"] = "/etc/sshbot/id_ed25519",
            ["ServerCheck:Command"] = "sudo -n /usr/local/sbin/sshbot-check-account.sh",
        }).Build();

        var options = ServerCheckSettings.From(configuration, GatewaySettings.From(configuration));

        Assert.Equal(("gw.ddbj.nig.ac.jp", 22), (options.Host, options.Port));
        Assert.Equal([Unreachable], options.HostFingerprints);
        Assert.Empty(options.MissingSettings());
    }
}
