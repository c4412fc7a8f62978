using SshSupportBot.Tests.Support;
using System.Net;
using System.Text;
using System.Text.Json;
using SshSupportBot.Conversations;
using SshSupportBot.Slack;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackHttpEndpointsTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(SlackTestHost.HttpSettings(_slack));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private Task WaitForPostsAsync(int count) => _slack.Changed.WaitUntilAsync(() => _slack.Posts.Count >= count, what: $"{count} chat.postMessage");

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await _host.Client.SendAsync(SlackPayloads.SignedEvent(new { token = "t", challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type = "url_verification" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task An_app_mention_is_acknowledged_and_answered_in_its_thread()
    {
        var response = await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> hello", ts: "1700000001.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForPostsAsync(1);
        var post = Assert.Single(_slack.Posts);
        Assert.Equal("C123", post.Body.GetProperty("channel").GetString());
        Assert.Equal("1700000001.000100", post.Body.GetProperty("thread_ts").GetString());
        Assert.Equal("answer to: hello", post.Body.GetProperty("text").GetString());
        Assert.Equal("hello", Assert.Single(_host.Handler.Turns).Text);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("changed body")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("no headers")]
    public async Task A_request_that_fails_verification_gets_401_and_no_reply(string how)
    {
        var body = SlackPayloads.Json(SlackPayloads.AppMention("Ev1", "<@UBOT> hello"));
        var request = how switch
        {
            "wrong secret" => SlackPayloads.Signed("slack/events", body, "application/json", secret: "not-the-secret"),
            "stale" => SlackPayloads.Signed("slack/events", body, "application/json", at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "future" => SlackPayloads.Signed("slack/events", body, "application/json", at: DateTimeOffset.UtcNow.AddMinutes(6)),
            _ => SlackPayloads.Signed("slack/events", body, "application/json"),
        };
        if (how == "changed body")
        {
            request.Content = new StringContent(body.Replace("hello", "HELLO"), Encoding.UTF8, "application/json");
        }
        if (how == "no headers")
        {
            request.Headers.Remove(SlackSignature.SignatureHeader);
            request.Headers.Remove(SlackSignature.TimestampHeader);
        }

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
        Assert.Empty(_slack.Posts);
    }

    [Fact]
    public async Task The_same_event_delivered_five_times_at_once_is_answered_once()
    {
        var payload = SlackPayloads.AppMention("Ev-dup", "<@UBOT> hello");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => _host.Client.SendAsync(SlackPayloads.SignedEvent(payload, retryNum: i == 0 ? null : i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await WaitForPostsAsync(1);
        // Duplicates are refused before the 200 goes out, so nothing is left in flight that could post later.
        Assert.Single(_host.Handler.Turns);
        Assert.Single(_slack.Posts);
    }

    [Fact]
    public async Task Messages_from_bots_and_edits_are_acknowledged_but_not_answered()
    {
        var bot = await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.DirectMessage("Ev-b", "hi", botId: "B1")));
        var own = await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.DirectMessage("Ev-o", "hi", user: "UBOT")));
        var edit = await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.DirectMessage("Ev-e", "hi", subtype: "message_changed")));

        Assert.All([bot, own, edit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Empty(_host.Handler.Turns);
    }

    [Fact]
    public async Task A_failing_turn_gets_a_short_apology_in_the_thread()
    {
        _host.Handler.Reply = _ => throw new InvalidOperationException("boom");

        await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention("Ev-f", "<@UBOT> hello", ts: "5.5")));

        await WaitForPostsAsync(1);
        var post = Assert.Single(_slack.Posts);
        Assert.Contains("Sorry", post.Body.GetProperty("text").GetString());
        Assert.Equal("5.5", post.Body.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task The_slash_command_without_text_answers_with_ephemeral_help_at_once()
    {
        var form = SlackPayloads.Form(("command", "/ssh-help"), ("text", ""), ("team_id", "T1"), ("channel_id", "C1"), ("user_id", "U1"), ("response_url", _slack.ResponseUrl()), ("trigger_id", "tr-1"));

        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/commands", form, "application/x-www-form-urlencoded"));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Contains("/ssh-help", body.GetProperty("text").GetString());
        Assert.Empty(_host.Handler.Turns);
    }

    [Fact]
    public async Task The_slash_command_with_a_question_is_acknowledged_and_answered_through_the_response_url()
    {
        var form = SlackPayloads.Form(("command", "/ssh-help"), ("text", "Permission denied (publickey)"), ("team_id", "T1"), ("channel_id", "C1"), ("user_id", "U1"), ("response_url", _slack.ResponseUrl()), ("trigger_id", "tr-2"));

        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/commands", form, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _slack.Changed.WaitUntilAsync(() => _slack.HookPosts.Count == 1, what: "the response_url post");
        var hook = Assert.Single(_slack.HookPosts);
        Assert.Equal("answer to: Permission denied (publickey)", hook.GetProperty("text").GetString());
        Assert.Equal("ephemeral", hook.GetProperty("response_type").GetString());
        Assert.Empty(_slack.Posts);
    }

    [Fact]
    public async Task A_button_press_becomes_the_next_turn_and_is_answered_in_the_thread()
    {
        var form = SlackPayloads.Form(("payload", SlackPayloads.Json(SlackPayloads.BlockActions(Buttons.KeyRegister, _slack.ResponseUrl()))));

        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/interactivity", form, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForPostsAsync(1);
        var turn = Assert.Single(_host.Handler.Turns);
        Assert.Equal(new IncomingMessage("slack", "T1:C123:1700000001.000100", "U123", turn.Text, turn.EventId, new AskAboutIntent("key-register")), turn);
        Assert.Equal("1700000001.000100", Assert.Single(_slack.Posts).Body.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task A_pressed_button_is_replaced_by_the_choice_made_on_the_original_message()
    {
        var form = SlackPayloads.Form(("payload", SlackPayloads.Json(SlackPayloads.BlockActions(Buttons.KeyRegister, _slack.ResponseUrl()))));

        await _host.Client.SendAsync(SlackPayloads.Signed("slack/interactivity", form, "application/x-www-form-urlencoded"));

        await WaitForPostsAsync(1);
        var update = Assert.Single(_slack.CallsTo("chat.update")).Body;
        Assert.Equal("1700000005.000500", update.GetProperty("ts").GetString());
        Assert.Equal("C123", update.GetProperty("channel").GetString());
        var blocks = update.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["section", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("✔ <@U123>: Register a public key", blocks[1].GetProperty("elements")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failed_update_of_the_pressed_message_does_not_stop_the_answer()
    {
        _slack.Script("chat.update", 200, """{"ok":false,"error":"message_not_found"}""");
        var form = SlackPayloads.Form(("payload", SlackPayloads.Json(SlackPayloads.BlockActions(Buttons.KeyRegister, _slack.ResponseUrl()))));

        await _host.Client.SendAsync(SlackPayloads.Signed("slack/interactivity", form, "application/x-www-form-urlencoded"));

        await WaitForPostsAsync(1);
        Assert.StartsWith("answer to: ", _slack.Posts[0].Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Answers_with_choices_carry_buttons_whose_value_comes_back()
    {
        _host.Handler.Reply = _ => FakeTurnHandler.Answer("Did you mean one of these?", new ReplyChoice(new AskAboutIntent("key-register"), "Register a public key"));

        await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention("Ev-c", "<@UBOT> key?")));

        await WaitForPostsAsync(1);
        var blocks = Assert.Single(_slack.Posts).Body.GetProperty("blocks");
        var button = blocks[blocks.GetArrayLength() - 1].GetProperty("elements")[0];
        Assert.Equal(new AskAboutIntent("key-register"), TurnActionCodec.Decode(button.GetProperty("value").GetString()));
        Assert.Equal("Register a public key", button.GetProperty("text").GetProperty("text").GetString());
    }
}
