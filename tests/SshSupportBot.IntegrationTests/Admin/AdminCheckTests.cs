using SshSupportBot.Admin;
using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Admin;

/// <summary><c>admin check ACCOUNT</c> in chat, through the learning turn handler, against the real sshd and the real read-only script.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AdminCheckTests : IDisposable
{
    private static readonly AdminSettings Admins = new() { UserIds = new Dictionary<string, IReadOnlyList<string>> { ["slack"] = ["UADMIN"], ["teams"] = ["29:admin"] } };
    private readonly AccountTree _accounts = new();

    public void Dispose() => _accounts.Dispose();

    [Theory]
    [InlineData("slack", "UADMIN")]
    [InlineData("teams", "29:admin")]
    public async Task An_admin_finds_a_world_writable_home_and_a_wrong_authorized_keys_mode_with_their_fixes(string channel, string admin)
    {
        await _accounts.AddAccountAsync("alice", homeMode: "777", sshMode: "700", keysMode: "666");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        using var bot = new LearningBot(Admins, serverCheck: _accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()));

        var reply = await bot.SendAsync("admin check alice", user: admin, channel: channel);

        var home = _accounts.Home("alice");
        Assert.StartsWith("Server-side check of alice on 127.0.0.1: 2 problems that stop key login", reply.Text);
        Assert.Contains($"✗ the home directory is writable by group or others (mode 777). Fix: `chmod go-w {home}`", reply.Text);
        Assert.Contains($"✗ authorized_keys is writable by group or others (mode 666). Fix: `chmod 600 {home}/.ssh/authorized_keys`", reply.Text);
        Assert.DoesNotContain("alice@example.org", reply.Text);
        Assert.Equal([$"{channel}:{admin}|check|alice"], await AuditAsync(bot));
    }

    [Fact]
    public async Task A_non_admin_is_refused_audited_and_runs_no_check()
    {
        await _accounts.AddAccountAsync("alice", homeMode: "777", sshMode: "700", keysMode: "666");
        await using var sshd = await SshdServer.StartAsync("ed25519");
        using var bot = new LearningBot(Admins, serverCheck: _accounts.Options(sshd, await sshd.AuthorizeNewClientKeyAsync()));

        var refused = await bot.SendAsync("admin check alice", user: "UALICE");
        var admin = await bot.SendAsync("admin check alice", user: "UADMIN");

        Assert.Contains("only for the configured administrators", refused.Text);
        Assert.DoesNotContain("chmod", refused.Text);
        // Had the refused request run a check, the per-account interval would now refuse the admin's.
        Assert.Contains("chmod go-w", admin.Text);
        Assert.Equal(["slack:UALICE|refused|", "slack:UADMIN|check|alice"], await AuditAsync(bot));
    }

    [Theory]
    [InlineData("admin check alice; cat /etc/shadow")]
    [InlineData("admin check $(id)")]
    [InlineData("admin check ../root")]
    [InlineData("admin check -oProxyCommand=sh")]
    public async Task A_bad_account_name_is_refused_without_connecting(string command)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var options = new ServerCheckSettings("127.0.0.1", port, "svc", "/nonexistent", "check",
                ["SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og"], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
            using var bot = new LearningBot(Admins, serverCheck: options);

            var reply = await bot.SendAsync(command, user: "UADMIN");

            Assert.Contains("not run: not a plain account name", reply.Text);
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Unconfigured_the_admin_is_told_which_settings_are_missing()
    {
        var options = new ServerCheckSettings("gw.ddbj.nig.ac.jp", 22, "", "", "", [], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        using var bot = new LearningBot(Admins, serverCheck: options);

        var reply = await bot.SendAsync("admin check alice", user: "UADMIN");

        Assert.Equal("Server-side check of alice not run: the server-side check is off until these settings are configured: ServerCheck:User, " +
            "ServerCheck:KeyPath, ServerCheck:Command, ServerCheck:HostFingerprints (no host-key fingerprint is known for gw.ddbj.nig.ac.jp).", reply.Text);
    }

    [Fact]
    public async Task The_hand_off_summary_offers_admins_the_check_only_when_it_is_configured()
    {
        using var configured = new LearningBot(Admins, serverCheck: new ServerCheckSettings("gw.ddbj.nig.ac.jp", 22, "sshbot", "/etc/sshbot/id_ed25519",
            "sudo -n /usr/local/sbin/sshbot-check-account.sh", ["SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og"], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)));
        using var unconfigured = new LearningBot(Admins,
            serverCheck: new ServerCheckSettings("gw.ddbj.nig.ac.jp", 22, "", "", "", [], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)));

        await configured.SendAsync("I want to talk to a person");
        await unconfigured.SendAsync("I want to talk to a person");

        Assert.Contains("• Server side: `admin check ACCOUNT` (the user's account) shows the modes and owners of home, ~/.ssh and authorized_keys on gw.ddbj.nig.ac.jp",
            Assert.Single(configured.Notifier.Posted));
        Assert.DoesNotContain("admin check", Assert.Single(unconfigured.Notifier.Posted));
    }

    [Theory]
    [InlineData("admin check alice", true)]
    [InlineData("admin check", true)]
    [InlineData("admin, check my home directory please", false)]
    public void Check_is_one_of_the_admin_verbs(string text, bool isCommand) =>
        Assert.Equal(isCommand, AdminCommands.IsCommand(text));

    private static async Task<List<string>> AuditAsync(LearningBot bot) => [.. (await AuditTrail.ReadSqliteAsync(bot.DatabasePath)).Select(row => row.Line)];
}
