using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Channels;

/// <summary>The server's Slack and Teams endpoints on 127.0.0.1 with one inbox worker and one waiting place.</summary>
public sealed class FullInboxOverHttpTests : IAsyncLifetime
{
    private readonly ScriptedTurnHandler _handler = new();
    private FakeSlack _slack = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:BotUserId"] = "UBOT",
            ["Slack:SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:SocketMode"] = "false",
            ["Slack:MessageInterval"] = "00:00:00",
            ["Teams:AppId"] = "app-id",
            ["Teams:AllowUnauthenticated"] = "true",
            ["Inbox:QueueCapacity"] = "1",
            ["Inbox:Workers"] = "1",
        });
        builder.Services.AddSingleton<ITurnHandler>(_handler);
        ChannelRegistration.AddChannels(builder);
        _app = builder.Build();
        ChannelRegistration.MapChannels(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    [Fact]
    public async Task A_full_inbox_is_refused_with_503_by_slack_and_teams_alike_and_the_redelivery_is_answered()
    {
        _handler.Hold("running");
        Assert.Equal(HttpStatusCode.OK, await PostSlackAsync("Ev-1", "running", "1700000001.000100"));
        await _handler.Started("running").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await PostSlackAsync("Ev-2", "waiting", "1700000002.000100"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostSlackAsync("Ev-3", "refused", "1700000003.000100"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostTeamsAsync("teams-1", "refused on teams"));

        _handler.Release("running");
        await _slack.Changed.WaitUntilAsync(() => _slack.Posts.Count >= 2, TimeSpan.FromSeconds(30), "the two accepted turns");
        // Slack's retry of the refused event: nothing was claimed for it, so it is answered now.
        Assert.Equal(HttpStatusCode.OK, await PostSlackAsync("Ev-3", "refused", "1700000003.000100"));
        await _slack.Changed.WaitUntilAsync(() => _slack.Posts.Count >= 3, TimeSpan.FromSeconds(30), "the re-delivered turn");

        Assert.Equal(["start running", "end running", "start waiting", "end waiting", "start refused", "end refused"], _handler.Events);
    }

    private async Task<HttpStatusCode> PostSlackAsync(string eventId, string text, string ts)
    {
        using var response = await _client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention(eventId, "<@UBOT> " + text, ts)));
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> PostTeamsAsync(string activityId, string text)
    {
        var body = JsonSerializer.Serialize(ActivityBuilder.Message(text, "http://127.0.0.1:9/", activityId));
        using var response = await _client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    public async Task DisposeAsync()
    {
        _handler.ReleaseAll();
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
