using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Probes;

/// <summary>
/// The optional server-side check (configuration section <c>ServerCheck</c>), off unless an administrator enables it:
/// the service account and key, the fixed command, the gateway's host key to insist on, and which chat user is which account.
/// </summary>
internal sealed record ServerCheckOptions(
    bool Enabled,
    string Host,
    int Port,
    string User,
    string KeyPath,
    string Command,
    IReadOnlyList<string> HostFingerprints,
    IReadOnlyDictionary<string, string> Accounts,
    TimeSpan PerUserInterval,
    TimeSpan Timeout)
{
    public static ServerCheckOptions From(IConfiguration configuration, GatewayOptions gateways)
    {
        var section = configuration.GetSection("ServerCheck");
        var host = section["Host"] is { Length: > 0 } configuredHost ? configuredHost.Trim() : gateways.Gateways[0].Host;
        var port = int.TryParse(section["Port"], out var p) && p is > 0 and <= 65535 ? p : gateways.Find(host, GatewayEndpoint.DefaultPort)?.Port ?? GatewayEndpoint.DefaultPort;
        // Without fingerprints of its own, the check trusts only what the centre published for that gateway; with neither it will not connect.
        IReadOnlyList<string> fingerprints = Strings(section.GetSection("HostFingerprints"));
        if (fingerprints.Count == 0)
        {
            fingerprints = gateways.Find(host, port)?.PublishedFingerprints ?? [];
        }
        var accounts = section.GetSection("Accounts").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c["ChatUser"]) && !string.IsNullOrWhiteSpace(c["Account"]))
            .GroupBy(c => c["ChatUser"]!.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()["Account"]!.Trim(), StringComparer.Ordinal);
        return new ServerCheckOptions(
            bool.TryParse(section["Enabled"], out var enabled) && enabled,
            host,
            port,
            section["User"]?.Trim() ?? "",
            section["KeyPath"]?.Trim() ?? "",
            section["Command"]?.Trim() ?? "",
            fingerprints,
            accounts,
            Seconds(section["IntervalSeconds"], TimeSpan.FromMinutes(5)),
            Seconds(section["TimeoutSeconds"], TimeSpan.FromSeconds(10)));
    }

    private static List<string> Strings(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

    private static TimeSpan Seconds(string? value, TimeSpan fallback) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : fallback;
}
