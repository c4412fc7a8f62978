using SshSupportBot.Tests.Support;
using SshSupportBot.Conversations;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Slack;

public sealed class SocketModeTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost? _host;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _slack.DisposeAsync();
    }

    private async Task<FakeSocket> StartAsync(int connections = 1, FakeTurnHandler? handler = null)
    {
        _host = await SlackTestHost.StartAsync(SlackTestHost.SocketSettings(_slack, connections), handler);
        await WaitForSocketsAsync(connections);
        // An acked probe proves the bot has read hello, so what the test does next hits an established link.
        foreach (var (socket, i) in _slack.Sockets.Select((s, i) => (s, i)))
        {
            await socket.SendEnvelopeAsync($"probe-{i}", "probe", new { });
            await WaitForAckAsync(socket, $"probe-{i}");
        }
        return _slack.Sockets[0];
    }

    private Task WaitForSocketsAsync(int count) => _slack.Changed.WaitUntilAsync(() => _slack.Sockets.Count >= count, what: $"{count} socket connections");

    private Task WaitForPostsAsync(int count) => _slack.Changed.WaitUntilAsync(() => _slack.Posts.Count >= count, what: $"{count} chat.postMessage");

    private Task WaitForAckAsync(FakeSocket socket, string envelopeId) =>
        _slack.Changed.WaitUntilAsync(() => socket.AckedEnvelopes.Contains(envelopeId), what: $"the ack of {envelopeId}");

    private static Task SendMentionAsync(FakeSocket socket, string envelopeId, string eventId, string ts = "1700000001.000100") =>
        socket.SendEnvelopeAsync(envelopeId, "events_api", SlackPayloads.AppMention(eventId, "<@UBOT> hello " + eventId, ts: ts));

    private IEnumerable<string?> PostedTexts => _slack.Posts.Select(p => p.Body.GetProperty("text").GetString());

    [Fact]
    public async Task An_envelope_is_acked_and_its_mention_answered_in_the_thread()
    {
        var socket = await StartAsync();

        await SendMentionAsync(socket, "env-1", "Ev1", ts: "42.1");

        await WaitForAckAsync(socket, "env-1");
        await WaitForPostsAsync(1);
        var post = Assert.Single(_slack.Posts);
        Assert.Equal("42.1", post.Body.GetProperty("thread_ts").GetString());
        Assert.Equal("Bearer xapp-test", _slack.CallsTo("apps.connections.open")[0].Authorization);
    }

    [Fact]
    public async Task The_ack_goes_out_before_the_work_starts()
    {
        FakeSocket? socket = null;
        var handler = new FakeTurnHandler();
        // The work waits for the fake to have seen the ack; if the bot acked only after the work, this would time out.
        handler.BeforeReply = _ => _slack.Changed.WaitUntilAsync(() => socket!.AckedEnvelopes.Contains("env-1"), what: "the ack while the work is held");
        socket = await StartAsync(handler: handler);

        await SendMentionAsync(socket, "env-1", "Ev1");

        await WaitForPostsAsync(1);
        Assert.Equal("answer to: hello Ev1", Assert.Single(PostedTexts));
    }

    [Fact]
    public async Task A_refresh_request_opens_the_replacement_first_and_no_event_is_lost_or_answered_twice()
    {
        var old = await StartAsync();

        await old.SendDisconnectAsync("refresh_requested");
        // Still on the old link after the request: handled there if it arrives before the bot closes the link,
        // and otherwise re-delivered by Slack on the new link below.
        await SendMentionAsync(old, "env-1", "Ev1", ts: "1.1");
        await WaitForSocketsAsync(2);
        var replacement = _slack.Sockets[1];
        // Slack re-delivers what it was unsure about on the new link; that must not be answered again.
        await SendMentionAsync(replacement, "env-1b", "Ev1", ts: "1.1");
        await SendMentionAsync(replacement, "env-2", "Ev2", ts: "2.2");

        await WaitForAckAsync(replacement, "env-2");
        await WaitForPostsAsync(2);
        await old.Closed.WaitAsync(TimeSpan.FromSeconds(4));
        Assert.Equal(["answer to: hello Ev1", "answer to: hello Ev2"], PostedTexts.Order());
        Assert.Equal(2, _host!.Handler.Turns.Count);
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task A_disconnect_warning_or_refresh_is_followed_by_a_new_link(string reason)
    {
        var old = await StartAsync();

        await old.SendDisconnectAsync(reason);

        await WaitForSocketsAsync(2);
        await old.Closed.WaitAsync(TimeSpan.FromSeconds(4));
        await SendMentionAsync(_slack.Sockets[1], "env-9", "Ev9");
        await WaitForPostsAsync(1);
    }

    [Fact]
    public async Task A_dropped_link_is_reopened_and_later_events_are_answered()
    {
        var first = await StartAsync();

        first.Drop();

        await WaitForSocketsAsync(2);
        await SendMentionAsync(_slack.Sockets[1], "env-1", "Ev1");
        await WaitForPostsAsync(1);
        Assert.True(_slack.CallsTo("apps.connections.open").Count >= 2);
    }

    [Fact]
    public async Task A_silent_link_is_noticed_by_the_watchdog_and_replaced()
    {
        var first = await StartAsync();
        await SendMentionAsync(first, "env-0", "Ev0", ts: "0.1");
        await WaitForAckAsync(first, "env-0");

        _slack.FreezeOpenSockets();

        await WaitForSocketsAsync(2);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(4));
        await SendMentionAsync(_slack.Sockets[1], "env-1", "Ev1");
        await WaitForPostsAsync(2);
    }

    [Fact]
    public async Task Several_connections_are_kept_and_one_event_on_both_is_answered_once()
    {
        await StartAsync(connections: 2);
        var (a, b) = (_slack.Sockets[0], _slack.Sockets[1]);

        await Task.WhenAll(SendMentionAsync(a, "env-a", "Ev1"), SendMentionAsync(b, "env-b", "Ev1"));

        await WaitForAckAsync(a, "env-a");
        await WaitForAckAsync(b, "env-b");
        await WaitForPostsAsync(1);
        Assert.Single(_host!.Handler.Turns);
        Assert.Single(_slack.Posts);
    }

    [Fact]
    public async Task A_slash_command_without_text_is_answered_with_help_in_the_ack()
    {
        var socket = await StartAsync();

        await socket.SendEnvelopeAsync("env-s", "slash_commands",
            new { command = "/ssh-help", text = "", team_id = "T1", channel_id = "C1", user_id = "U1", response_url = _slack.ResponseUrl(), trigger_id = "tr" },
            acceptsResponsePayload: true);

        await WaitForAckAsync(socket, "env-s");
        var ack = socket.Received.Single(m => m.GetProperty("envelope_id").GetString() == "env-s");
        Assert.Contains("/ssh-help", ack.GetProperty("payload").GetProperty("text").GetString());
        Assert.Empty(_host!.Handler.Turns);
    }

    [Fact]
    public async Task A_slash_command_question_is_answered_through_the_response_url()
    {
        var socket = await StartAsync();

        await socket.SendEnvelopeAsync("env-s", "slash_commands",
            new { command = "/ssh-help", text = "key?", team_id = "T1", channel_id = "C1", user_id = "U1", response_url = _slack.ResponseUrl(), trigger_id = "tr" },
            acceptsResponsePayload: true);

        await _slack.Changed.WaitUntilAsync(() => _slack.HookPosts.Count == 1, what: "the response_url post");
        Assert.Equal("answer to: key?", _slack.HookPosts[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_button_press_over_socket_mode_becomes_a_choice_turn()
    {
        var socket = await StartAsync();

        await socket.SendEnvelopeAsync("env-i", "interactive", SlackPayloads.BlockActions(Buttons.KeyRegister, _slack.ResponseUrl()));

        await WaitForPostsAsync(1);
        var turn = Assert.Single(_host!.Handler.Turns);
        Assert.True(turn.IsChoice);
        Assert.Equal(new AskAboutIntent("key-register"), turn.Action);
    }
}
