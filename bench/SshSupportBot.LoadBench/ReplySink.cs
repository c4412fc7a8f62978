using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SshSupportBot.LoadBench;

/// <summary>
/// Stands in for Slack's Web API and the Bot Connector on loopback: answers like them and notes when the reply for
/// each benchmark conversation arrived (each event has its own channel or conversation id).
/// </summary>
internal sealed class ReplySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _arrivals = new(StringComparer.Ordinal);

    private ReplySink(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ReplySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new ReplySink(app);
        app.MapPost("/api/{method}", sink.SlackAsync);
        app.MapPost("/v3/conversations/{id}/activities/{replyTo?}", sink.ConnectorAsync);
        await app.StartAsync();
        sink.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return sink;
    }

    /// <summary>When the first reply for <paramref name="key"/> arrived, as a <see cref="Stopwatch"/> timestamp.</summary>
    public bool TryGetArrival(string key, out long timestamp) => _arrivals.TryGetValue(key, out timestamp);

    public int Count => _arrivals.Count;

    private async Task<IResult> SlackAsync(HttpContext context, string method)
    {
        if (method == "auth.test")
        {
            return Results.Json(new { ok = true, user_id = "UBOT", bot_id = "BBOT", team_id = "T1" });
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var channel = body.RootElement.TryGetProperty("channel", out var c) ? c.GetString() : null;
        if (channel is not null)
        {
            _arrivals.TryAdd(channel, Stopwatch.GetTimestamp());
        }
        return Results.Json(new { ok = true, channel, ts = "1800000000.000001" });
    }

    private IResult ConnectorAsync(string id)
    {
        _arrivals.TryAdd(id, Stopwatch.GetTimestamp());
        return Results.Json(new { id = "reply" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
