using Microsoft.Extensions.Configuration;
using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Probes;

public sealed class GatewayOptionsTests
{
    private static GatewaySettings From(Dictionary<string, string?> values) =>
        GatewaySettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Without_configuration_the_two_NIG_gateways_on_port_22_are_probed_for_5_seconds_and_cached_for_60()
    {
        var options = From([]);

        Assert.Equal(["gw.ddbj.nig.ac.jp:22", "gw2.ddbj.nig.ac.jp:22"], options.Gateways.Select(g => $"{g.Host}:{g.Port}"));
        Assert.All(options.Gateways, g => Assert.Empty(g.PublishedFingerprints));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.CacheDuration);
    }

    [Fact]
    public void Configured_gateways_replace_the_defaults_with_their_ports_and_published_fingerprints()
    {
        var options = From(new()
        {
            ["Gateways:0:Host"] = "gw.example.org",
            ["Gateways:0:Fingerprints:0"] = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og",
            ["Gateways:1:Host"] = "gw2.example.org",
            ["Gateways:1:Port"] = "2222",
            ["Probes:TimeoutSeconds"] = "2.5",
            ["Probes:CacheSeconds"] = "10",
        });

        Assert.Equal(["gw.example.org:22", "gw2.example.org:2222"], options.Gateways.Select(g => $"{g.Host}:{g.Port}"));
        Assert.Equal(["SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og"], options.Gateways[0].PublishedFingerprints);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CacheDuration);
    }

    [Fact]
    public void A_gateway_is_found_whatever_the_case_or_trailing_dot_but_only_on_its_port()
    {
        var options = From([]);

        Assert.NotNull(options.Find("GW.DDBJ.NIG.AC.JP.", 22));
        Assert.Null(options.Find("gw.ddbj.nig.ac.jp", 2222));
        Assert.Null(options.Find("gw.example.org", 22));
    }

    [Fact]
    public void The_known_hosts_name_of_a_gateway_on_another_port_is_bracketed_and_quoted()
    {
        Assert.Equal("gw.ddbj.nig.ac.jp", new GatewayEndpoint("gw.ddbj.nig.ac.jp", 22, []).KnownHostsName);
        Assert.Equal("'[127.0.0.1]:2222'", new GatewayEndpoint("127.0.0.1", 2222, []).KnownHostsName);
    }
}
