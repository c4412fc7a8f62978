using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Probes;

public sealed class ReachabilityProbeTests
{
    [Fact]
    public async Task A_live_sshd_is_ok_with_its_banner_connect_time_and_fingerprints()
    {
        await using var sshd = await SshdServer.StartAsync();

        var result = await Gateways.RealProbe().ProbeAsync(sshd.Host, sshd.Port, Gateways.Timeout, CancellationToken.None);

        Assert.Equal(ProbeStatus.Ok, result.Status);
        Assert.StartsWith("SSH-2.0-OpenSSH", result.Banner);
        Assert.NotNull(result.ConnectMilliseconds);
        Assert.InRange(result.ConnectMilliseconds!.Value, 0, Gateways.Timeout.TotalMilliseconds);
        Assert.Equal("127.0.0.1", result.Address);
        Assert.Equal(sshd.Fingerprints.OrderBy(k => k.Key), result.HostKeys.OrderBy(k => k.Key));
    }

    [Fact]
    public async Task A_port_with_nothing_listening_is_refused()
    {
        var result = await Gateways.RealProbe().ProbeAsync("127.0.0.1", LoopbackPorts.Free(), Gateways.Timeout, CancellationToken.None);

        Assert.Equal(ProbeStatus.Refused, result.Status);
        Assert.Contains("refused", result.Detail);
        Assert.Null(result.Banner);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_speaks_SSH_times_out_within_the_timeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () => accepted.Add(await listener.AcceptSocketAsync()));
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var timeout = TimeSpan.FromSeconds(1);
            var clock = Stopwatch.StartNew();

            var result = await Gateways.RealProbe().ProbeAsync("127.0.0.1", port, timeout, CancellationToken.None);

            Assert.Equal(ProbeStatus.Timeout, result.Status);
            // Timers may fire a few milliseconds before the stopwatch says the second is over.
            Assert.InRange(clock.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(2));
            Assert.NotNull(result.ConnectMilliseconds);
            Assert.Contains("no SSH identification", result.Detail);
        }
        finally
        {
            listener.Stop();
            await accepting.ContinueWith(_ => { });
            accepted.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_dns_failure()
    {
        var result = await Gateways.RealProbe().ProbeAsync("nonexistent.invalid", 22, Gateways.Timeout, CancellationToken.None);

        Assert.Equal(ProbeStatus.Dns, result.Status);
        Assert.Contains("nonexistent.invalid", result.Detail);
    }

    [Fact]
    public async Task A_caller_that_cancels_gets_a_result_rather_than_an_exception()
    {
        var result = await Gateways.RealProbe().ProbeAsync("127.0.0.1", 22, Gateways.Timeout, new CancellationToken(canceled: true));

        Assert.Equal(ProbeStatus.Error, result.Status);
        Assert.Contains("cancelled", result.Detail);
    }
}
