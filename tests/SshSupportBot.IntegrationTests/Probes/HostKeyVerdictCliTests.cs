using System.Text.Json;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Probes;

/// <summary>
/// The acceptance case: a loopback sshd configured as the gateway, and a user pasting the warning their ssh printed.
/// The bot must call the real key safe and any other key unsafe, through the same <c>diagnose --json</c> admins script.
/// </summary>
public sealed class HostKeyVerdictCliTests
{
    static HostKeyVerdictCliTests()
    {
        _ = TrainedBot.Runtime;
    }

    private static string ChangedWarning(int port, string fingerprint) => $"""
        taro@laptop:~$ ssh -p {port} taro@127.0.0.1
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
        @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
        IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
        Someone could be eavesdropping on you right now (man-in-the-middle attack)!
        It is also possible that a host key has just been changed.
        The fingerprint for the ED25519 key sent by the remote host is
        {fingerprint}.
        Please contact your system administrator.
        Add correct host key in /home/taro/.ssh/known_hosts to get rid of this message.
        Offending ED25519 key in /home/taro/.ssh/known_hosts:3
          remove with:
          ssh-keygen -f "/home/taro/.ssh/known_hosts" -R "[127.0.0.1]:{port}"
        Host key for [127.0.0.1]:{port} has changed and you have requested strict checking.
        Host key verification failed.
        """;

    private static async Task<JsonElement> DiagnoseAsync(SshdServer server, string paste)
    {
        var result = await CliRunner.RunAsync(["diagnose", "--json"], paste, new Dictionary<string, string>
        {
            ["Gateways__0__Host"] = server.Host,
            ["Gateways__0__Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Probes__TimeoutSeconds"] = "10",
        });
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public async Task A_pasted_warning_with_the_gateways_real_key_is_called_safe_with_the_exact_removal_command()
    {
        await using var server = await SshdServer.StartAsync("ed25519");

        var reply = await DiagnoseAsync(server, ChangedWarning(server.Port, server.Fingerprints["ED25519"]));

        Assert.Equal("host-key-changed", reply.GetProperty("intent").GetString());
        var verdict = reply.GetProperty("findings")[0];
        Assert.Equal("host-key-matches-gateway", verdict.GetProperty("code").GetString());
        Assert.Equal($"ssh-keygen -R '[127.0.0.1]:{server.Port}'", verdict.GetProperty("fix").GetString());
        var answer = reply.GetProperty("answer").GetString()!;
        Assert.Contains("real key", answer);
        // Issue 14: the live check, the finding and the answer are composed together; the command is given once.
        Assert.Single(answer.Split('\n'), l => l.Trim() == $"ssh-keygen -R '[127.0.0.1]:{server.Port}'");
        Assert.True(answer.Length <= 1500, $"{answer.Length} characters:\n{answer}");
    }

    [Fact]
    public async Task A_pasted_warning_with_another_key_is_called_unsafe_with_the_do_not_connect_advice()
    {
        await using var server = await SshdServer.StartAsync("ed25519");

        var reply = await DiagnoseAsync(server, ChangedWarning(server.Port, "SHA256:Qh1dw0f8YHy0mZ4bE8xq0m3f1Dkq0v7cT3nq7r2XhW4"));

        var verdict = reply.GetProperty("findings")[0];
        Assert.Equal("host-key-does-not-match-gateway", verdict.GetProperty("code").GetString());
        Assert.Equal("critical", verdict.GetProperty("severity").GetString());
        var answer = reply.GetProperty("answer").GetString()!;
        Assert.Contains("Do not connect", answer);
        // Nothing in the reply may still tell the user to remove the old key and answer yes.
        Assert.DoesNotContain(answer.Split('\n'), l => l.Trim().StartsWith("ssh-keygen -R", StringComparison.Ordinal));
        Assert.DoesNotContain("Only if it does", answer);
    }

    [Fact]
    public async Task A_host_that_is_not_a_configured_gateway_gets_no_verdict()
    {
        await using var server = await SshdServer.StartAsync("ed25519");
        var elsewhere = ChangedWarning(server.Port, server.Fingerprints["ED25519"]).Replace("127.0.0.1", "127.0.0.2");

        var reply = await DiagnoseAsync(server, elsewhere);

        var codes = reply.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("host-key-changed", codes);
        Assert.DoesNotContain(codes, c => c!.StartsWith("host-key-matches", StringComparison.Ordinal) || c.StartsWith("host-key-does-not", StringComparison.Ordinal) || c == "gateway-unreachable");
    }
}
