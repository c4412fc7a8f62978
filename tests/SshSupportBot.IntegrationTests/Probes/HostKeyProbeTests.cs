using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Probes;

public sealed class HostKeyProbeTests
{
    [Fact]
    public async Task Every_key_type_is_reported_with_the_fingerprint_ssh_keygen_prints()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519", "ecdsa", "rsa");

        var result = await new HostKeyProbe().ProbeAsync(sshd.Host, sshd.Port, Gateways.Timeout, CancellationToken.None);

        Assert.Equal(ProbeStatus.Ok, result.Status);
        Assert.Equal(["ECDSA", "ED25519", "RSA"], sshd.Fingerprints.Keys.Order());
        Assert.Equal(sshd.Fingerprints.OrderBy(k => k.Key), result.Fingerprints.OrderBy(k => k.Key));
    }

    [Fact]
    public async Task Only_the_key_types_the_server_has_are_reported()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");

        var result = await new HostKeyProbe().ProbeAsync(sshd.Host, sshd.Port, Gateways.Timeout, CancellationToken.None);

        Assert.Equal(ProbeStatus.Ok, result.Status);
        Assert.Equal(sshd.Fingerprints["ED25519"], Assert.Single(result.Fingerprints, k => k.Key == "ED25519").Value);
        Assert.Single(result.Fingerprints);
    }

    [Fact]
    public async Task A_closed_port_yields_no_keys_and_says_refused()
    {
        var result = await new HostKeyProbe().ProbeAsync("127.0.0.1", LoopbackPorts.Free(), Gateways.Timeout, CancellationToken.None);

        Assert.Equal(ProbeStatus.Refused, result.Status);
        Assert.Empty(result.Fingerprints);
    }

    [Fact]
    public async Task A_server_that_never_speaks_SSH_gives_up_within_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var timeout = TimeSpan.FromSeconds(1);
        var clock = Stopwatch.StartNew();

        var result = await new HostKeyProbe().ProbeAsync("127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port, timeout, CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, timeout + TimeSpan.FromSeconds(2));
        Assert.Equal(ProbeStatus.Timeout, result.Status);
        Assert.Empty(result.Fingerprints);
    }
}
