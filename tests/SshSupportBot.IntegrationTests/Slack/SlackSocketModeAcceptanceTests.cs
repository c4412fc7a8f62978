using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Slack;

/// <summary>The real server in Socket Mode against the fake: links that drop or go silent are replaced, no event lost or answered twice.</summary>
public sealed class SlackSocketModeAcceptanceTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private ServeHost? _host;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await ServeHost.StartAsync(
        [
            "--Slack:BotToken=xoxb-acceptance",
            "--Slack:AppToken=xapp-acceptance",
            $"--Slack:ApiBaseUrl={_slack.ApiBaseUrl.AbsoluteUri}",
            "--Slack:SocketConnections=1",
            "--Slack:SocketPingInterval=00:00:00.100",
            "--Slack:SocketPingTimeout=00:00:00.300",
            "--Slack:ReconnectBaseDelay=00:00:00.010",
            "--Slack:ReconnectMaxDelay=00:00:00.100",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _slack.DisposeAsync();
    }

    private async Task<FakeSocket> EstablishedSocketAsync(int index)
    {
        await _slack.Changed.WaitUntilAsync(() => _slack.Sockets.Count > index, what: $"socket {index}");
        var socket = _slack.Sockets[index];
        await socket.SendEnvelopeAsync($"probe-{index}", "probe", new { });
        await _slack.Changed.WaitUntilAsync(() => socket.AckedEnvelopes.Contains($"probe-{index}"), what: $"the probe ack on socket {index}");
        return socket;
    }

    private IReadOnlyList<ApiCall> PostsIn(string threadTs) =>
        _slack.Posts.Where(p => p.Body.GetProperty("thread_ts").GetString() == threadTs).ToList();

    private static Task MentionAsync(FakeSocket socket, string envelopeId, string eventId, string ts) =>
        socket.SendEnvelopeAsync(envelopeId, "events_api", SlackPayloads.AppMention(eventId, "<@UBOT> Permission denied (publickey)", ts: ts));

    [Fact]
    public async Task A_dropped_and_then_a_silent_link_are_replaced_and_every_event_is_answered_exactly_once()
    {
        var first = await EstablishedSocketAsync(0);
        await MentionAsync(first, "env-1", "Ev-s1", "9.1");
        await _slack.Changed.WaitUntilAsync(() => PostsIn("9.1").Count == 1, what: "the first answer");

        first.Drop();
        var second = await EstablishedSocketAsync(1);
        // Slack re-sends the event it may not have seen acked, then a new one.
        await MentionAsync(second, "env-1-again", "Ev-s1", "9.1");
        await MentionAsync(second, "env-2", "Ev-s2", "9.2");
        await _slack.Changed.WaitUntilAsync(() => PostsIn("9.2").Count == 1, what: "the answer after the drop");

        _slack.FreezeOpenSockets();
        var third = await EstablishedSocketAsync(2);
        await MentionAsync(third, "env-3", "Ev-s3", "9.3");
        await _slack.Changed.WaitUntilAsync(() => PostsIn("9.3").Count == 1, what: "the answer after the silent link");

        Assert.Single(PostsIn("9.1"));
        Assert.Single(PostsIn("9.2"));
        Assert.Single(PostsIn("9.3"));
        Assert.Contains("env-1-again", second.AckedEnvelopes);
    }
}
