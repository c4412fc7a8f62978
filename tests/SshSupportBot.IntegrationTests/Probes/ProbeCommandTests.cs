using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SshSupportBot.Cli;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Probes;

public sealed class ProbeCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var command = ProbeCommand.Create(() => configuration, Gateways.RealProbe());
        var output = new StringWriter();
        var exitCode = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Probe_json_reports_a_live_gateway_a_closed_port_and_a_silent_server_within_the_timeout_one_line_each()
    {
        await using var sshd = await SshdServer.StartAsync();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepted by the kernel's backlog, never answered
        var closedPort = LoopbackPorts.Free();
        var silentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
        var settings = new Dictionary<string, string?>
        {
            ["Gateways:0:Host"] = sshd.Host,
            ["Gateways:0:Port"] = sshd.Port.ToString(),
            ["Gateways:1:Host"] = "127.0.0.1",
            ["Gateways:1:Port"] = closedPort.ToString(),
            ["Gateways:2:Host"] = "localhost",
            ["Gateways:2:Port"] = silentPort.ToString(),
        };
        var clock = Stopwatch.StartNew();

        var (exitCode, output) = await RunAsync(settings, "--json", "--timeout", "1.5");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            Assert.Equal(JsonValueKind.String, line.GetProperty("host").ValueKind);
            Assert.Equal(JsonValueKind.Number, line.GetProperty("port").ValueKind);
            Assert.Contains(line.GetProperty("status").GetString(), new[] { "ok", "refused", "timeout", "dns", "error" });
            Assert.True(line.TryGetProperty("connect_ms", out _));
            Assert.True(line.TryGetProperty("banner", out _));
            Assert.Equal(JsonValueKind.Object, line.GetProperty("fingerprints").ValueKind);
        }

        var live = lines[0];
        Assert.Equal(("127.0.0.1", sshd.Port, "ok"), (live.GetProperty("host").GetString(), live.GetProperty("port").GetInt32(), live.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Number, live.GetProperty("connect_ms").ValueKind);
        Assert.StartsWith("SSH-2.0-", live.GetProperty("banner").GetString());
        Assert.Equal(
            sshd.Fingerprints.OrderBy(k => k.Key).ToList(),
            live.GetProperty("fingerprints").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(k => k.Key).ToList());

        Assert.Equal("refused", lines[1].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("connect_ms").ValueKind);
        Assert.Equal("timeout", lines[2].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("banner").ValueKind);
    }

    [Fact]
    public async Task Probe_of_one_host_given_on_the_command_line_shows_a_table_and_exits_zero_when_it_is_up()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");

        var (exitCode, output) = await RunAsync([], sshd.Host, "--port", sshd.Port.ToString());

        Assert.Equal(0, exitCode);
        Assert.Contains("127.0.0.1", output);
        Assert.Contains("ok", output);
        Assert.Contains("ED25519", output);
        Assert.DoesNotContain("gw.ddbj.nig.ac.jp", output);
    }

    [Fact]
    public async Task A_port_out_of_range_is_a_usage_error()
    {
        var (exitCode, output) = await RunAsync([], "127.0.0.1", "--port", "70000");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
    }
}
