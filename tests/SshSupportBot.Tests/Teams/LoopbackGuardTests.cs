using Microsoft.Extensions.Configuration;
using SshSupportBot.Teams;

namespace SshSupportBot.Tests.Teams;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://127.0.0.2:443/")]
    public void Loopback_urls_are_loopback(string url) => Assert.True(LoopbackGuard.IsLoopback(url));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://bot.example.org:80")]
    public void Urls_reachable_from_other_machines_are_not_loopback(string url) => Assert.False(LoopbackGuard.IsLoopback(url));

    [Fact]
    public void Every_configured_url_and_port_shortcut_is_considered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5080;http://0.0.0.0:5081",
            ["Kestrel:Endpoints:Public:Url"] = "http://10.0.0.5:80",
            ["http_ports"] = "8080",
        }).Build();

        var exposed = LoopbackGuard.NonLoopback(LoopbackGuard.ConfiguredUrls(configuration));

        Assert.Equal(["http://0.0.0.0:5081", "http://10.0.0.5:80", "http://*:8080"], exposed);
    }
}
