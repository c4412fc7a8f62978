using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Probes;

/// <summary>
/// The gateways the bot may probe (configuration <c>Gateways:N:Host</c>, <c>:Port</c>, <c>:Fingerprints</c>) and how long a probe may take
/// (<c>Probes:TimeoutSeconds</c>) and be reused (<c>Probes:CacheSeconds</c>).
/// </summary>
internal sealed record GatewaySettings(IReadOnlyList<GatewayEndpoint> Gateways, TimeSpan Timeout, TimeSpan CacheDuration)
{
    public static readonly IReadOnlyList<string> DefaultHosts = ["gw.ddbj.nig.ac.jp", "gw2.ddbj.nig.ac.jp"];

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(60);

    public static GatewaySettings Defaults { get; } = new(
        DefaultHosts.Select(h => new GatewayEndpoint(h, GatewayEndpoint.DefaultPort, [])).ToList(), DefaultTimeout, DefaultCacheDuration);

    public GatewayEndpoint? Find(string host, int port) => Gateways.FirstOrDefault(g => g.Is(host, port));

    public static GatewaySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateways");
        var gateways = section.GetChildren()
            .Where(child => !string.IsNullOrWhiteSpace(child["Host"]))
            .Select(child => new GatewayEndpoint(
                child["Host"]!.Trim(),
                int.TryParse(child["Port"], out var port) && port is > 0 and <= 65535 ? port : GatewayEndpoint.DefaultPort,
                child.GetSection("Fingerprints").GetChildren()
                    .Select(f => f.Value)
                    .OfType<string>()
                    .Where(f => !string.IsNullOrWhiteSpace(f))
                    .Select(f => f.Trim())
                    .ToList()))
            .ToList();
        return new GatewaySettings(
            gateways.Count > 0 ? gateways : Defaults.Gateways,
            Seconds(configuration["Probes:TimeoutSeconds"], DefaultTimeout),
            Seconds(configuration["Probes:CacheSeconds"], DefaultCacheDuration));
    }

    private static TimeSpan Seconds(string? value, TimeSpan fallback) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : fallback;
}
