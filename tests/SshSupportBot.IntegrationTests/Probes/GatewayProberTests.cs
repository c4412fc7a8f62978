using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace SshSupportBot.Tests.Probes;

public sealed class GatewayProberTests
{
    [Fact]
    public async Task A_second_probe_within_the_cache_window_does_not_reconnect()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var clock = new ManualNowClock();
        var probe = new CountingProbe(Gateways.RealProbe(clock));
        var prober = new GatewayProber(Gateways.Options(Gateways.For(sshd)), probe, clock);

        var first = await prober.ProbeAsync(sshd.Host, sshd.Port, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        var second = await prober.ProbeAsync(sshd.Host, sshd.Port, CancellationToken.None);

        Assert.Equal(ProbeStatus.Ok, first?.Status);
        Assert.Same(first, second);
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task A_probe_after_the_cache_window_reconnects()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var clock = new ManualNowClock();
        var probe = new CountingProbe(Gateways.RealProbe(clock));
        var prober = new GatewayProber(Gateways.Options(Gateways.For(sshd)), probe, clock);

        await prober.ProbeAsync(sshd.Host, sshd.Port, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(60));
        var again = await prober.ProbeAsync(sshd.Host, sshd.Port, CancellationToken.None);

        Assert.Equal(ProbeStatus.Ok, again?.Status);
        Assert.Equal(2, probe.Calls);
    }

    [Fact]
    public async Task Callers_arriving_together_share_one_probe()
    {
        var probe = new CountingProbe();
        var prober = new GatewayProber(Gateways.Options(new GatewayEndpoint("gw.ddbj.nig.ac.jp", 22, [])), probe, new ManualNowClock());

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => prober.ProbeAsync("gw.ddbj.nig.ac.jp", 22, CancellationToken.None)));

        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task Probing_all_gateways_probes_each_configured_one_and_nothing_else()
    {
        var probe = new CountingProbe();
        var prober = new GatewayProber(GatewaySettings.Defaults, probe, new ManualNowClock());

        var results = await prober.ProbeAllAsync(CancellationToken.None);

        Assert.Equal(["gw.ddbj.nig.ac.jp", "gw2.ddbj.nig.ac.jp"], results.Select(r => r.Host));
        Assert.Equal([("gw.ddbj.nig.ac.jp", 22), ("gw2.ddbj.nig.ac.jp", 22)], probe.Probed.Order());
    }

    [Fact]
    public async Task A_host_that_is_not_a_configured_gateway_gets_no_result_and_no_probe()
    {
        var probe = new CountingProbe();
        var prober = new GatewayProber(GatewaySettings.Defaults, probe, new ManualNowClock());

        Assert.Null(await prober.ProbeAsync("example.org", 22, CancellationToken.None));
        Assert.Equal(0, probe.Calls);
    }
}
