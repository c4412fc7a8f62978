using System.Globalization;
using System.Text.Json;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Cli;

/// <summary><c>sshbot check-account</c> through the real program, configured by environment as an admin would, against the real sshd.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CheckAccountCliTests : IDisposable
{
    private readonly AccountTree _accounts = new();
    private readonly string _data = Directory.CreateTempSubdirectory("sshbot-check-cli-").FullName;

    public void Dispose()
    {
        _accounts.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<Dictionary<string, string>> ConfiguredAsync(SshdServer sshd) => new()
    {
        ["Bot__DataDirectory"] = _data,
        ["ServerCheck__Host"] = sshd.Host,
        ["ServerCheck__Port"] = sshd.Port.ToString(CultureInfo.InvariantCulture),
        ["ServerCheck__User"] = Environment.UserName,
        ["ServerCheck__KeyPath"] = await sshd.AuthorizeNewClientKeyAsync(),
        ["ServerCheck__Command"] = _accounts.Command,
        ["ServerCheck__HostFingerprints__0"] = sshd.Fingerprints["ED25519"],
    };

    [Fact]
    public async Task A_world_writable_home_and_a_wrong_authorized_keys_mode_are_printed_with_their_fixes_and_exit_1()
    {
        await _accounts.AddAccountAsync("alice", homeMode: "777", sshMode: "700", keysMode: "666");
        await using var sshd = await SshdServer.StartAsync("ed25519");

        var run = await CliRunner.RunAsync(["check-account", "alice"], environment: await ConfiguredAsync(sshd));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Fix: `chmod go-w {_accounts.Home("alice")}`", run.Output);
        Assert.Contains($"Fix: `chmod 600 {_accounts.Home("alice")}/.ssh/authorized_keys`", run.Output);
        Assert.Equal([$"cli:{Environment.UserName}|check|alice"], await AuditAsync());
    }

    [Fact]
    public async Task Json_output_carries_the_outcome_the_findings_and_the_modes()
    {
        // The account is the user running the tests, who owns the tree, so the only finding is the mode of ~/.ssh.
        var account = Environment.UserName;
        await _accounts.AddAccountAsync(account, homeMode: "755", sshMode: "755", keysMode: "600");
        await using var sshd = await SshdServer.StartAsync("ed25519");

        var run = await CliRunner.RunAsync(["check-account", account, "--json"], environment: await ConfiguredAsync(sshd));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("completed", root.GetProperty("outcome").GetString());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("ssh_dir", finding.GetProperty("role").GetString());
        Assert.False(finding.GetProperty("blocks_login").GetBoolean());
        Assert.Equal($"chmod 700 {_accounts.Home(account)}/.ssh", finding.GetProperty("fix").GetString());
        Assert.Equal(["755", "755", "600"], root.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("mode").GetString()));
        Assert.Single(root.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_account_name_exits_2_without_running_the_check()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");

        var run = await CliRunner.RunAsync(["check-account", "alice;id"], environment: await ConfiguredAsync(sshd));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Server-side check of alice;id not run: not a plain account name (lower-case letters, digits, '_' and '-', " +
            "not starting with '-', at most 32 characters).", run.Output.Trim());
    }

    [Fact]
    public async Task Unconfigured_it_names_the_missing_settings_and_exits_2()
    {
        var run = await CliRunner.RunAsync(["check-account", "alice"], environment: new Dictionary<string, string> { ["Bot__DataDirectory"] = _data });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("off until these settings are configured: ServerCheck:User, ServerCheck:KeyPath, ServerCheck:Command", run.Output);
    }

    private async Task<List<string>> AuditAsync() => [.. (await AuditTrail.ReadSqliteAsync(Path.Combine(_data, "conversations.db"))).Select(row => row.Line)];
}
