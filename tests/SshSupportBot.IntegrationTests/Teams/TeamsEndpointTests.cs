using SshSupportBot.Tests.Support;
using SshSupportBot.Conversations;
using System.Net;
using System.Text.Json;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    private TestSigningKey key => _bed.Key;

    private FakeConnector connector => _bed.Connector;

    private TeamsTestHost host => _bed.Host;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_authenticated_message_is_acknowledged_and_answered_with_the_connector_token()
    {
        var response = await host.PostAsync(ActivityBuilder.Message("Permission denied (publickey)", connector.ServiceUrl, id: "m1"), key.Token(serviceUrl: connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForRepliesAsync(1));
        Assert.Equal("You said: Permission denied (publickey)", reply.Text);
        Assert.Equal("m1", reply.ReplyToId);
        Assert.Equal(ActivityBuilder.ConversationId, reply.ConversationId);
        Assert.Equal("Bearer " + FakeConnector.IssuedToken, reply.Authorization);
        Assert.Equal("markdown", reply.Activity.GetProperty("textFormat").GetString());
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_answered_once()
    {
        var activity = ActivityBuilder.Message("hello", connector.ServiceUrl, id: "dup-1");
        var token = key.Token(serviceUrl: connector.ServiceUrl);

        await host.PostAsync(activity, token);
        await host.PostAsync(activity, token);
        await connector.WaitForRepliesAsync(2, TimeSpan.FromSeconds(2));

        Assert.Single(connector.Accepted);
        Assert.Single(host.Turns.Turns);
    }

    [Theory]
    [InlineData("wrong key", 401)]
    [InlineData("wrong audience", 401)]
    [InlineData("mismatched serviceUrl", 403)]
    [InlineData("no token", 401)]
    public async Task A_request_that_fails_authentication_is_refused_and_gets_no_reply(string what, int status)
    {
        var token = what switch
        {
            "wrong key" => new TestSigningKey("key-1", "msteams").Token(serviceUrl: connector.ServiceUrl),
            "wrong audience" => key.Token(audience: "another-bot", serviceUrl: connector.ServiceUrl),
            "mismatched serviceUrl" => key.Token(serviceUrl: "https://smba.trafficmanager.net/jp/"),
            _ => null,
        };

        var response = await host.PostAsync(ActivityBuilder.Message("hello", connector.ServiceUrl), token);
        await Task.Delay(300);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(connector.Accepted);
        Assert.Empty(host.Turns.Turns);
        Assert.Equal(0, connector.TokenRequests);
    }

    [Fact]
    public async Task A_card_button_press_is_a_choice_turn()
    {
        await host.PostAsync(ActivityBuilder.Submit(Buttons.Encode(new AskAboutIntent("next")), connector.ServiceUrl), key.Token(serviceUrl: connector.ServiceUrl));

        await connector.WaitForRepliesAsync(1);

        var turn = Assert.Single(host.Turns.Turns);
        Assert.True(turn.IsChoice);
        Assert.Equal(new AskAboutIntent("next"), turn.Action);
    }

    [Fact]
    public async Task An_adaptive_card_action_invoke_gets_a_synchronous_invoke_response_and_a_reply()
    {
        var response = await host.PostAsync(ActivityBuilder.AdaptiveCardInvoke(Buttons.Encode(new AskAboutIntent("next")), connector.ServiceUrl), key.Token(serviceUrl: connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Single(await connector.WaitForRepliesAsync(1));
        Assert.True(Assert.Single(host.Turns.Turns).IsChoice);
    }

    [Fact]
    public async Task New_members_are_greeted_once_and_the_bot_is_not_greeted()
    {
        var token = key.Token(serviceUrl: connector.ServiceUrl);

        await host.PostAsync(ActivityBuilder.MembersAdded(connector.ServiceUrl, "u1", ActivityBuilder.BotId, "29:alice"), token);
        await host.PostAsync(ActivityBuilder.MembersAdded(connector.ServiceUrl, "u2", "29:alice"), token);
        await connector.WaitForRepliesAsync(2, TimeSpan.FromSeconds(2));

        var greeting = Assert.Single(connector.Accepted);
        Assert.Equal("29:alice", greeting.Activity.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Empty(host.Turns.Turns);
    }

    [Fact]
    public async Task A_reply_refused_with_429_then_503_is_retried_and_delivered_exactly_once()
    {
        connector.FailFirstWith.Enqueue(429);
        connector.FailFirstWith.Enqueue(503);

        await host.PostAsync(ActivityBuilder.Message("retry me", connector.ServiceUrl), key.Token(serviceUrl: connector.ServiceUrl));
        await connector.WaitForRepliesAsync(2, TimeSpan.FromSeconds(2));

        Assert.Single(connector.Accepted);
        Assert.Equal([429, 503, 200], connector.AttemptStatuses);
    }

    [Fact]
    public async Task A_reply_refused_with_an_error_that_is_not_transient_is_not_retried()
    {
        connector.FailFirstWith.Enqueue(400);

        await host.PostAsync(ActivityBuilder.Message("bad", connector.ServiceUrl), key.Token(serviceUrl: connector.ServiceUrl));
        await Task.Delay(500);

        Assert.Equal([400], connector.AttemptStatuses);
        Assert.Empty(connector.Accepted);
    }

    [Fact]
    public async Task The_connector_token_is_requested_once_and_reused_for_later_replies()
    {
        var token = key.Token(serviceUrl: connector.ServiceUrl);

        await host.PostAsync(ActivityBuilder.Message("one", connector.ServiceUrl), token);
        await connector.WaitForRepliesAsync(1);
        await host.PostAsync(ActivityBuilder.Message("two", connector.ServiceUrl), token);
        await connector.WaitForRepliesAsync(2);

        Assert.Equal(2, connector.Accepted.Count);
        Assert.Equal(1, connector.TokenRequests);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read_whole()
    {
        var response = await host.PostAsync(ActivityBuilder.Message(new string('x', 600_000), connector.ServiceUrl), key.Token(serviceUrl: connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Turns.Turns);
    }
}
