using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Probes;

/// <summary>
/// The admins' server-side check (configuration section <c>ServerCheck</c>), off until the service account, its key and the
/// fixed command are configured: the gateway to run on and the host keys it must present.
/// </summary>
internal sealed record ServerCheckSettings(
    string Host,
    int Port,
    string User,
    string KeyPath,
    string Command,
    IReadOnlyList<string> HostFingerprints,
    TimeSpan PerAccountInterval,
    TimeSpan Timeout)
{
    public const string Section = "ServerCheck";

    /// <summary>The settings still missing before the check may connect, named as an admin writes them; empty when it is on.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        var missing = new List<string>();
        if (User.Length == 0)
        {
            missing.Add($"{Section}:User");
        }
        if (KeyPath.Length == 0)
        {
            missing.Add($"{Section}:KeyPath");
        }
        if (Command.Length == 0)
        {
            missing.Add($"{Section}:Command");
        }
        if (HostFingerprints.Count == 0)
        {
            missing.Add($"{Section}:HostFingerprints (no host-key fingerprint is known for {Host})");
        }
        return missing;
    }

    public bool IsConfigured => MissingSettings().Count == 0;

    public static ServerCheckSettings From(IConfiguration configuration, GatewaySettings gateways)
    {
        var section = configuration.GetSection(Section);
        var host = section["Host"] is { Length: > 0 } configuredHost ? configuredHost.Trim() : gateways.Gateways[0].Host;
        var port = int.TryParse(section["Port"], out var p) && p is > 0 and <= 65535 ? p : gateways.Find(host, GatewayEndpoint.DefaultPort)?.Port ?? GatewayEndpoint.DefaultPort;
        // Without fingerprints of its own, the check trusts only what the centre published for that gateway; with neither it will not connect.
        IReadOnlyList<string> fingerprints = Strings(section.GetSection("HostFingerprints"));
        if (fingerprints.Count == 0)
        {
            fingerprints = gateways.Find(host, port)?.PublishedFingerprints ?? [];
        }
        return new ServerCheckSettings(
            host,
            port,
            section["User"]?.Trim() ?? "",
            section["KeyPath"]?.Trim() ?? "",
            section["Command"]?.Trim() ?? "",
            fingerprints,
            Seconds(section["IntervalSeconds"], TimeSpan.FromMinutes(1)),
            Seconds(section["TimeoutSeconds"], TimeSpan.FromSeconds(10)));
    }

    private static List<string> Strings(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

    private static TimeSpan Seconds(string? value, TimeSpan fallback) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : fallback;
}
