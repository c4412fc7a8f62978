using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>One Web API call as the fake saw it.</summary>
internal sealed record ApiCall(string Method, string? Authorization, JsonElement Body, int Status);

/// <summary>
/// A Slack stand-in on 127.0.0.1: the Web API methods the bot calls (recorded, answered like Slack, or scripted to
/// answer 429 / ok:false / slowly), response_url hooks, and Socket Mode WebSockets reached through a proxy that can freeze.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task<int>>>> _scripted = new();
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentQueue<string> _arrivals = new();
    private readonly ConcurrentQueue<FakeSocket> _sockets = new();
    private readonly ConcurrentQueue<JsonElement> _hooks = new();
    private TcpFreezeProxy? _proxy;
    private int _ts;

    private FakeSlack(WebApplication app) => _app = app;

    public Signal Changed { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public IReadOnlyList<ApiCall> Calls => _calls.ToList();

    /// <summary>Methods of the requests that reached the fake, recorded on arrival (before any scripted delay).</summary>
    public IReadOnlyList<string> Arrivals => _arrivals.ToList();

    public IReadOnlyList<ApiCall> CallsTo(string method) => _calls.Where(c => c.Method == method).ToList();

    /// <summary>Successful chat.postMessage calls: what users would see.</summary>
    public IReadOnlyList<ApiCall> Posts => _calls.Where(c => c.Method == "chat.postMessage" && c.Status == 200).ToList();

    public IReadOnlyList<JsonElement> HookPosts => _hooks.ToList();

    public IReadOnlyList<FakeSocket> Sockets => _sockets.ToList();

    public string ResponseUrl(string name = "r1") => new Uri(BaseUrl, $"hooks/{name}").AbsoluteUri;

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.MapPost("/hooks/{name}", fake.HookAsync);
        app.Map("/socket", fake.SocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        fake._proxy = TcpFreezeProxy.Start(new Uri(address).Port);
        return fake;
    }

    /// <summary>The next call to <paramref name="method"/> gets this status and body instead of the normal answer.</summary>
    public void Script(string method, int status, string json, TimeSpan? retryAfter = null, TimeSpan? delay = null) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue(async context =>
        {
            if (delay is { } d)
            {
                await Task.Delay(d, context.RequestAborted);
            }
            context.Response.StatusCode = status;
            if (retryAfter is { } r)
            {
                context.Response.Headers.RetryAfter = ((int)r.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
            return status;
        });

    /// <summary>Stops all traffic on the Socket Mode links open now, as a dead NAT or half-open TCP link would.</summary>
    public void FreezeOpenSockets() => _proxy!.FreezeAll();

    private async Task ApiAsync(HttpContext context, string method)
    {
        _arrivals.Enqueue(method);
        Changed.Pulse();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement.Clone();
        // Recorded even when the caller gave up mid-answer: Slack would have taken such a request.
        var status = -1;
        try
        {
            if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var respond))
            {
                status = await respond(context);
            }
            else
            {
                await context.Response.WriteAsJsonAsync(Normal(method, body));
                status = 200;
            }
        }
        finally
        {
            _calls.Enqueue(new ApiCall(method, context.Request.Headers.Authorization.ToString(), body, status));
            Changed.Pulse();
        }
    }

    private object Normal(string method, JsonElement body) => method switch
    {
        "chat.postMessage" or "chat.postEphemeral" or "chat.update" => new
        {
            ok = true,
            channel = body.TryGetProperty("channel", out var c) ? c.GetString() : null,
            ts = $"1700000000.{Interlocked.Increment(ref _ts):000000}",
        },
        "auth.test" => new { ok = true, user_id = "UBOT", bot_id = "BBOT", team_id = "T1" },
        "apps.connections.open" => new { ok = true, url = $"ws://127.0.0.1:{_proxy!.Port}/socket" },
        _ => new { ok = false, error = "unknown_method" },
    };

    private async Task HookAsync(HttpContext context)
    {
        _hooks.Enqueue((await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone());
        await context.Response.WriteAsync("ok");
        Changed.Pulse();
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }
        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(ws, Changed);
        _sockets.Enqueue(socket);
        await socket.SendAsync(new { type = "hello", num_connections = _sockets.Count, connection_info = new { app_id = "A1" } });
        Changed.Pulse();
        await socket.RunAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            socket.Drop();
        }
        _proxy?.Dispose();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await _app.StopAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _app.DisposeAsync();
    }
}
