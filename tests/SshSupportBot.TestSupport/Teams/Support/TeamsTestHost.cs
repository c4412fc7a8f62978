using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SshSupportBot.Conversations;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Teams.Support;

/// <summary>The Teams adapter as the server wires it, around a fake turn handler, on 127.0.0.1.</summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamsTestHost(WebApplication app, string baseUrl, FakeTurnHandler turns)
    {
        _app = app;
        BaseUrl = baseUrl;
        Turns = turns;
    }

    public string BaseUrl { get; }

    public FakeTurnHandler Turns { get; }

    public HttpClient Client { get; } = new();

    /// <param name="handler">The real engine for conversation tests; a fake that echoes otherwise.</param>
    /// <param name="outbox">The outbox the endpoint claims activities in; the in-memory one when null.</param>
    public static async Task<TeamsTestHost> StartAsync(IDictionary<string, string?> settings, ITurnHandler? handler = null, SshSupportBot.Storage.ITurnOutbox? outbox = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        // An echo with one choice, so that the Teams tests can see the text they sent and press a button.
        var turns = new FakeTurnHandler { Reply = m => FakeTurnHandler.Answer("You said: " + m.Text, new ReplyChoice(new ChooseOption("next"), "Next step")) };
        builder.Services.AddSingleton<ITurnHandler>(handler ?? turns);
        builder.Services.AddSingleton(TimeProvider.System);
        if (outbox is not null)
        {
            builder.Services.AddSingleton(outbox);
        }
        builder.AddTeams();
        builder.Services.AddSingleton(new ConnectorRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10) });
        var app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeamsTestHost(app, address.TrimEnd('/'), turns);
    }

    public async Task<HttpResponseMessage> PostAsync(object activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
