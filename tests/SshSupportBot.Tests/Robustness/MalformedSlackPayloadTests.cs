using SshSupportBot.Dialogue;
using SshSupportBot.Tests.Support;
using System.Net;
using SshSupportBot.Slack;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Robustness;

/// <summary>Properly signed Slack payloads with null, missing or oddly typed fields, through the real endpoints.</summary>
public sealed class MalformedSlackPayloadTests : IAsyncLifetime
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

    public static TheoryData<string> OddEvents() =>
    [
        """{"type":"event_callback","event":null}""",
        """{"type":null,"event":{"type":"message"}}""",
        """{"type":"event_callback","event_id":null,"event":{"type":null,"user":null,"text":null,"ts":null,"channel":null}}""",
        """{"type":"event_callback","event":{"type":"app_mention","user":"U1","text":null,"ts":"1.2","channel":"C1"}}""",
        """{"type":"event_callback","event":{"type":"app_mention","user":"U1","text":"<@UBOT>","ts":"1.3","channel":"C1","blocks":"not a list"}}""",
        """{"type":"event_callback","event":[]}""",
        """{"type":"event_callback","event":"text"}""",
        """{"type":"event_callback","team_id":7,"event":{"type":"message","channel_type":"im","user":{"id":"U1"},"ts":1.5,"channel":"D1"}}""",
        """{"type":"url_verification","challenge":null}""",
        """{"type":"url_verification"}""",
        """[]""",
        """null""",
        """{}""",
        "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"\\ud83d\",\"ts\":\"1.4\",\"channel\":\"C1\"}}",
    ];

    [Theory]
    [MemberData(nameof(OddEvents))]
    public async Task An_odd_signed_event_is_answered_without_a_server_error(string body)
    {
        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/events", body, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode} for {body}");
        await The_bot_still_answers_an_ordinary_question();
    }

    public static TheoryData<string> OddInteractions() =>
    [
        """{"type":"block_actions","actions":null}""",
        """{"type":"block_actions","actions":[null]}""",
        """{"type":"block_actions","actions":[null,{"action_id":"sshbot-choice-0","value":"x"}],"user":null,"channel":null}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"actions":[{"action_id":"sshbot-choice-0","value":"x","text":null}],"message":{"ts":"1.1","blocks":{"not":"a list"}}}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"actions":[{"action_id":"sshbot-choice-0","value":"x"}],"message":{"ts":"1.1","blocks":[null,7,"x"]},"container":null}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"actions":[{"action_id":null,"value":null}],"message":"text"}""",
        """{"type":"block_actions","user":"U1","channel":["C1"],"actions":{"action_id":"x"}}""",
        """{"type":null}""",
        """null""",
        """[null]""",
        """7""",
    ];

    [Theory]
    [MemberData(nameof(OddInteractions))]
    public async Task An_odd_signed_interaction_is_answered_without_a_server_error(string json)
    {
        var body = SlackPayloads.Form(("payload", json));
        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/interactivity", body, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode} for {json}");
        await The_bot_still_answers_an_ordinary_question();
    }

    [Theory]
    [InlineData("[null, 7, \"x\", {\"type\": 7, \"block_id\": null}, {\"type\": \"actions\", \"block_id\": 7}]")]
    [InlineData("{\"not\": \"a list\"}")]
    [InlineData("null")]
    public async Task A_button_press_on_a_message_with_odd_blocks_gets_its_answer_not_the_apology(string blocks)
    {
        var value = System.Text.Json.JsonSerializer.Serialize(Buttons.Encode(new SshSupportBot.Conversations.ChooseOption("x")));
        var json = """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"container":{"message_ts":"1.1","channel_id":"C1"},"actions":[{"action_id":"sshbot-choice-0","text":{"type":"plain_text","text":"pressed"},"value":""" + value + ""","action_ts":"""
            + $"\"{Guid.NewGuid():N}\"" + """}],"message":{"ts":"1.1","text":"fallback","blocks":""" + blocks + "}}";

        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/interactivity", SlackPayloads.Form(("payload", json)), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _slack.Changed.WaitUntilAsync(() => _slack.Posts.Any(p => p.Body.TryGetProperty("text", out var text) && text.GetString() == "answer to: pressed"),
            what: "the answer to the pressed button");
        Assert.DoesNotContain(_slack.Posts, p => p.Body.GetProperty("text").GetString() == SlackHelp.Apology(DialogueData.Shipped.Phrases).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("command=/ssh-help")]
    [InlineData("command=/ssh-help&text=hello")]
    [InlineData("command=&text=&user_id=&channel_id=")]
    [InlineData("%%%=&&&==")]
    [InlineData("command=%2Fssh-help&text=%ED%A0%BD&user_id=U1&channel_id=C1&trigger_id=t1")]
    public async Task An_odd_signed_slash_command_is_answered_without_a_server_error(string body)
    {
        var response = await _host.Client.SendAsync(SlackPayloads.Signed("slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode} for {body}");
        await The_bot_still_answers_an_ordinary_question();
    }

    private async Task The_bot_still_answers_an_ordinary_question()
    {
        var before = _slack.Posts.Count;
        var eventId = "Ev" + Guid.NewGuid().ToString("N");
        var ts = $"17{Random.Shared.Next(10_000_000, 99_999_999)}.000100";
        var response = await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention(eventId, "<@UBOT> hello", ts: ts)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _slack.Changed.WaitUntilAsync(() => _slack.Posts.Any(p => p.Body.TryGetProperty("thread_ts", out var thread) && thread.GetString() == ts), what: "the ordinary answer");
        Assert.True(_slack.Posts.Count > before);
    }
}
