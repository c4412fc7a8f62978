using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>The server's Slack wiring (through <see cref="ChannelRegistration"/>) around a fake turn handler, on 127.0.0.1:0.</summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly WebApplication _app;

    private SlackTestHost(WebApplication app, FakeTurnHandler handler, Uri baseUrl)
    {
        _app = app;
        Handler = handler;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = baseUrl };
    }

    public FakeTurnHandler Handler { get; }

    public Uri BaseUrl { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Dictionary<string, string?> HttpSettings(FakeSlack slack) => new()
    {
        ["Slack:BotToken"] = "xoxb-test",
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        ["Slack:SocketMode"] = "false",
        ["Slack:MessageInterval"] = "00:00:00",
    };

    public static Dictionary<string, string?> SocketSettings(FakeSlack slack, int connections = 1) => new()
    {
        ["Slack:BotToken"] = "xoxb-test",
        ["Slack:AppToken"] = "xapp-test",
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        ["Slack:SocketConnections"] = connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Slack:SocketStagger"] = "00:00:00.050",
        ["Slack:SocketPingInterval"] = "00:00:00.100",
        ["Slack:SocketPingTimeout"] = "00:00:00.300",
        ["Slack:ReconnectBaseDelay"] = "00:00:00.010",
        ["Slack:ReconnectMaxDelay"] = "00:00:00.100",
        ["Slack:MessageInterval"] = "00:00:00",
    };

    /// <param name="outbox">The outbox the channel claims events in; the in-memory one when null.</param>
    public static async Task<SlackTestHost> StartAsync(Dictionary<string, string?> settings, FakeTurnHandler? handler = null, TimeProvider? time = null,
        SshSupportBot.Storage.ITurnOutbox? outbox = null)
    {
        handler ??= new FakeTurnHandler();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("SLACK_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<ITurnHandler>(handler);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        if (outbox is not null)
        {
            builder.Services.AddSingleton(outbox);
        }
        ChannelRegistration.AddChannels(builder);
        var app = builder.Build();
        ChannelRegistration.MapChannels(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackTestHost(app, handler, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await _app.StopAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _app.DisposeAsync();
    }
}
