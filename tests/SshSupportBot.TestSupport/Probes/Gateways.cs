using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Probes;

/// <summary>Small builders for the probe tests: options naming a loopback sshd as the gateway, and probes wired to a clock.</summary>
internal static class Gateways
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static GatewaySettings Options(params GatewayEndpoint[] gateways) => new(gateways, Timeout, TimeSpan.FromSeconds(60));

    public static GatewayEndpoint For(SshdServer sshd, params string[] published) => new(sshd.Host, sshd.Port, published);

    public static ReachabilityProbe RealProbe(TimeProvider? clock = null) =>
        new(new HostKeyProbe(clock ?? TimeProvider.System), clock ?? TimeProvider.System);

    public static HostKeyVerifier Verifier(GatewaySettings options, IReachabilityProbe? probe = null, TimeProvider? clock = null) =>
        new(new GatewayProber(options, probe ?? RealProbe(clock), clock ?? TimeProvider.System));
}
