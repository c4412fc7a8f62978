using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Probes;

public sealed class ProbeServicesTests
{
    [Fact]
    public void The_server_gets_one_verifier_and_one_prober_built_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateways:0:Host"] = "gw.example.org",
        }).Build();
        using var services = new ServiceCollection().AddProbes(configuration).BuildServiceProvider();

        var verifier = services.GetRequiredService<HostKeyVerifier>();
        var prober = services.GetRequiredService<GatewayProber>();

        Assert.Same(verifier, services.GetRequiredService<HostKeyVerifier>());
        Assert.Equal("gw.example.org", Assert.Single(prober.Options.Gateways).Host);
    }
}
