using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SshSupportBot.Admin;
using SshSupportBot.Channels;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;
using SshSupportBot.Slack;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Channels;

/// <summary>Slack and Teams as the server wires them (not started, so nothing leaves the queue), with an inbox of one place.</summary>
public sealed class ChannelsShareOneInboxTests : IAsyncLifetime
{
    private readonly WebApplication _app;

    public ChannelsShareOneInboxTests()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack:SocketMode"] = "false",
            ["Slack:BotUserId"] = "UBOT",
            ["Teams:AppId"] = "app-id",
            ["Teams:AppPassword"] = "app-password",
            ["Inbox:QueueCapacity"] = "1",
            ["Inbox:Workers"] = "3",
            ["Admin:SlackChannel"] = "CADMIN",
            ["Admin:TeamsConversation"] = "19:admins@thread.tacv2",
            ["Admin:TeamsServiceUrl"] = "http://127.0.0.1:9/",
        });
        builder.Services.AddSingleton<ITurnHandler>(new ScriptedTurnHandler());
        ChannelRegistration.AddChannels(builder);
        _app = builder.Build();
    }

    private ChannelInbox Inbox => _app.Services.GetRequiredService<ChannelInbox>();

    [Fact]
    public void Slack_and_teams_are_served_by_one_set_of_inbox_workers_with_the_inbox_settings()
    {
        Assert.Single(_app.Services.GetServices<IHostedService>().OfType<InboxWorkers>());
        Assert.Equal(new InboxSettings { QueueCapacity = 1, Workers = 3 }, _app.Services.GetRequiredService<InboxSettings>());
        Assert.Equal(["slack", "teams"], _app.Services.GetServices<IOutboxChannel>().Select(c => c.Channel).Order());
    }

    [Fact]
    public void Each_channel_registers_its_own_admin_channel_for_hand_offs()
    {
        var notifiers = _app.Services.GetKeyedServices<IHandoffNotifier>(AdminChannels.Key).Select(n => n.GetType().Name).Order();

        Assert.Equal([nameof(SlackHandoffNotifier), nameof(TeamsHandoffNotifier)], notifiers);
    }

    [Fact]
    public async Task A_waiting_slack_turn_fills_the_inbox_for_teams_too()
    {
        var slackAccepted = InboxMetrics.Accepted.WithLabels("slack", "queued").Value;
        var teamsFull = InboxMetrics.Accepted.WithLabels("teams", "full").Value;

        Assert.Equal(InboxResult.Queued, await AcceptSlackAsync("Ev-shared-1"));
        Assert.Equal(InboxResult.Full, await AcceptTeamsAsync("teams-shared-1"));

        Assert.True(InboxMetrics.Accepted.WithLabels("slack", "queued").Value > slackAccepted);
        Assert.True(InboxMetrics.Accepted.WithLabels("teams", "full").Value > teamsFull);
    }

    [Fact]
    public async Task A_waiting_teams_turn_fills_the_inbox_for_slack_too()
    {
        Assert.Equal(InboxResult.Queued, await AcceptTeamsAsync("teams-shared-2"));
        Assert.Equal(InboxResult.Full, await AcceptSlackAsync("Ev-shared-2"));
        Assert.Equal(1, Inbox.Queue.Waiting);
    }

    private Task<InboxResult> AcceptSlackAsync(string eventId)
    {
        var envelope = JsonSerializer.Deserialize<EventsApiEnvelope>(SlackPayloads.Json(SlackPayloads.AppMention(eventId, "<@UBOT> Permission denied")), SlackJson.Options)!;
        return _app.Services.GetRequiredService<SlackIntake>().AcceptAsync(new SlackInboundPayload.Event(envelope), null, CancellationToken.None);
    }

    private Task<InboxResult> AcceptTeamsAsync(string activityId)
    {
        var activity = JsonSerializer.Deserialize<Activity>(JsonSerializer.Serialize(ActivityBuilder.Message("Permission denied", "http://127.0.0.1:9/", activityId)),
            BotFrameworkJson.Options)!;
        var turn = Assert.IsType<InboundAction.Turn>(ActivityMapper.Map(activity));
        var channel = _app.Services.GetRequiredService<TeamsOutboxChannel>();
        return Inbox.AcceptAsync(new InboxTurn(turn.Message, TeamsOutboxChannel.Address(activity, authenticated: false), channel), CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
