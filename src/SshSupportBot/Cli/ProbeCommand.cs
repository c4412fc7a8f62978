using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using SshSupportBot.Hosting;
using SshSupportBot.Probes;

namespace SshSupportBot.Cli;

internal static class ProbeCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create() => Create(BotConfiguration.Build, new ReachabilityProbe());

    /// <summary>Tests pass their own configuration (a loopback sshd as the gateway) and probe.</summary>
    public static Command Create(Func<IConfiguration> configuration, IReachabilityProbe probe)
    {
        var host = new Argument<string?>("host") { Description = "Probe only this host: a configured gateway, or (for administrators) any host.", Arity = ArgumentArity.ZeroOrOne };
        var port = new Option<int?>("--port") { Description = "The SSH port (default: the gateway's configured port, else 22)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line per host: host, port, status, connect_ms, banner, fingerprints." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds each host may take (default: Probes:TimeoutSeconds, 5)." };
        var command = new Command("probe",
            "Check the gateways from here: DNS, TCP connect time, SSH identification and host-key fingerprints. Exit code 1 when any is not ok.")
        {
            host, port, json, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = GatewaySettings.From(configuration());
            if (parse.GetValue(port) is { } p && p is < 1 or > 65535)
            {
                parse.InvocationConfiguration.Error.WriteLine("--port must be between 1 and 65535.");
                return 2;
            }
            if (parse.GetValue(timeout) is { } t && t <= 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("--timeout must be a positive number of seconds.");
                return 2;
            }
            var limit = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Timeout;
            var targets = Targets(options, parse.GetValue(host), parse.GetValue(port));
            // A one-shot command has nothing to share a cache with, so it probes directly, all hosts at once.
            var results = await Task.WhenAll(targets.Select(g => probe.ProbeAsync(g.Host, g.Port, limit, cancellationToken)));

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                foreach (var result in results)
                {
                    output.WriteLine(Json(result));
                }
            }
            else
            {
                WriteTable(output, results);
            }
            return results.All(r => r.Status == ProbeStatus.Ok) ? 0 : 1;
        });
        return command;
    }

    private static IReadOnlyList<GatewayEndpoint> Targets(GatewaySettings options, string? host, int? port)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return port is { } only ? options.Gateways.Select(g => g with { Port = only }).ToList() : options.Gateways;
        }
        var configured = options.Gateways.FirstOrDefault(g => GatewayEndpoint.NormalizeHost(g.Host) == GatewayEndpoint.NormalizeHost(host));
        return [new GatewayEndpoint(configured?.Host ?? host.Trim(), port ?? configured?.Port ?? GatewayEndpoint.DefaultPort, [])];
    }

    public static string Json(ReachabilityResult result) => JsonSerializer.Serialize(new ProbeDocument(
        result.Host,
        result.Port,
        result.Status.Name(),
        result.ConnectMilliseconds,
        result.Banner,
        result.HostKeys,
        result.Address,
        result.Detail), JsonOptions);

    private static void WriteTable(TextWriter output, IEnumerable<ReachabilityResult> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var table = new Table().AddColumns("host", "port", "status", "connect", "banner", "host keys", "detail");
        foreach (var r in results)
        {
            var colour = r.Status == ProbeStatus.Ok ? "green" : "red";
            table.AddRow(
                Markup.Escape(r.Host),
                r.Port.ToString(CultureInfo.InvariantCulture),
                $"[{colour}]{r.Status.Name()}[/]",
                r.ConnectMilliseconds is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "-",
                Markup.Escape(r.Banner ?? "-"),
                Markup.Escape(r.HostKeys.Count == 0 ? "-" : string.Join('\n', r.HostKeys.Select(k => $"{k.Key} {k.Value}"))),
                Markup.Escape(r.Detail));
        }
        console.Write(table);
    }

    /// <summary>The <c>probe --json</c> contract; admins' monitoring scripts depend on these names.</summary>
    private sealed record ProbeDocument(
        [property: JsonPropertyName("host")] string Host,
        [property: JsonPropertyName("port")] int Port,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("connect_ms")] double? ConnectMs,
        [property: JsonPropertyName("banner")] string? Banner,
        [property: JsonPropertyName("fingerprints")] IReadOnlyDictionary<string, string> Fingerprints,
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("detail")] string Detail);
}
