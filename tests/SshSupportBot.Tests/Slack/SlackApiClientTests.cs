using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Slack;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private static readonly SlackMessage Hello = new("hello", [new SectionBlock(TextObject.Mrkdwn("hello"))]);
    private FakeSlack _slack = null!;
    private readonly RecordingTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackApiClient Client(Uri? baseUrl = null, TimeSpan? timeout = null, TimeSpan? interval = null) => new(
        new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) },
        new SlackSettings { BotToken = "xoxb-test", AppToken = "xapp-test", ApiBaseUrl = baseUrl ?? _slack.ApiBaseUrl, MessageInterval = interval ?? TimeSpan.Zero, ReconnectBaseDelay = TimeSpan.FromMilliseconds(100) },
        _time, NullLogger<SlackApiClient>.Instance);

    [Fact]
    public async Task Post_message_sends_channel_thread_text_and_blocks_with_the_bot_token()
    {
        var result = await Client().PostMessageAsync("C1", Hello, "111.222", CancellationToken.None);

        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.Equal("C1", call.Body.GetProperty("channel").GetString());
        Assert.Equal("111.222", call.Body.GetProperty("thread_ts").GetString());
        Assert.Equal("hello", call.Body.GetProperty("text").GetString());
        Assert.Equal("section", call.Body.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.NotNull(result.Ts);
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_error_and_is_not_retried()
    {
        _slack.Script("chat.postMessage", 200, """{"ok":false,"error":"channel_not_found"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("C404", Hello, null, CancellationToken.None));

        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay_and_the_message_is_sent_once()
    {
        _slack.Script("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: TimeSpan.FromSeconds(7));

        await Client().PostMessageAsync("C1", Hello, null, CancellationToken.None);

        Assert.Equal([429, 200], _slack.CallsTo("chat.postMessage").Select(c => c.Status));
        Assert.Contains(TimeSpan.FromSeconds(7), _time.Delays);
        Assert.Single(_slack.Posts);
    }

    [Fact]
    public async Task Persistent_429_gives_up_after_the_bounded_attempts_with_a_rate_limit_error()
    {
        for (var i = 0; i < 10; i++)
        {
            _slack.Script("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(() => Client().PostMessageAsync("C1", Hello, null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(new SlackSettings().MaxApiAttempts, _slack.CallsTo("chat.postMessage").Count);
        Assert.Empty(_slack.Posts);
    }

    [Fact]
    public async Task A_request_that_timed_out_after_sending_is_not_sent_again()
    {
        _slack.Script("chat.postMessage", 200, """{"ok":true,"ts":"1.1"}""", delay: TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(timeout: TimeSpan.FromSeconds(1)).PostMessageAsync("C1", Hello, null, CancellationToken.None));

        // The client has given up, so any retry would already have been sent; Slack may well have taken the first one.
        await _slack.Changed.WaitUntilAsync(() => _slack.Arrivals.Contains("chat.postMessage"), TimeSpan.FromSeconds(10), "the request to reach the fake");
        Assert.Single(_slack.Arrivals, m => m == "chat.postMessage");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_a_bounded_number_of_times()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client(new Uri($"http://127.0.0.1:{port}/api/")).AuthTestAsync(CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(new SlackSettings().MaxApiAttempts - 1, _time.Delays.Count);
    }

    [Fact]
    public async Task Messages_to_one_channel_are_spaced_a_second_apart_but_other_channels_are_not_held_up()
    {
        var client = Client(interval: TimeSpan.FromSeconds(1));

        await client.PostMessageAsync("C1", Hello, null, CancellationToken.None);
        await client.PostMessageAsync("C2", Hello, null, CancellationToken.None);
        Assert.Empty(_time.Delays);
        await client.PostMessageAsync("C1", Hello, null, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(1)], _time.Delays);
    }

    [Fact]
    public async Task Connections_open_uses_the_app_level_token()
    {
        var opened = await Client().OpenConnectionAsync(CancellationToken.None);

        Assert.StartsWith("ws://127.0.0.1:", opened.Url);
        Assert.Equal("Bearer xapp-test", Assert.Single(_slack.CallsTo("apps.connections.open")).Authorization);
    }

    [Fact]
    public async Task Update_and_ephemeral_and_auth_test_reach_their_methods()
    {
        var client = Client();

        await client.UpdateAsync("C1", "1.1", Hello, CancellationToken.None);
        await client.PostEphemeralAsync("C1", "U1", Hello, null, CancellationToken.None);
        var auth = await client.AuthTestAsync(CancellationToken.None);

        Assert.Equal(["chat.update", "chat.postEphemeral", "auth.test"], _slack.Calls.Select(c => c.Method));
        Assert.Equal("U1", _slack.CallsTo("chat.postEphemeral")[0].Body.GetProperty("user").GetString());
        Assert.Equal("UBOT", auth.UserId);
    }

    [Fact]
    public async Task A_response_url_outside_slack_is_refused()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostToResponseUrlAsync("https://evil.example/hook", Hello, CancellationToken.None));

        Assert.Equal("untrusted_response_url", error.Error);
    }
}
