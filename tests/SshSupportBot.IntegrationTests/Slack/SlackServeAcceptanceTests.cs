using System.Net;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Slack;

/// <summary>The real server over HTTP, with a signing secret and the fake as Slack's API.</summary>
public sealed class SlackServeFixture : IAsyncLifetime
{
    private ServeHost? _host;

    internal FakeSlack Slack { get; private set; } = null!;

    internal HttpClient Client => _host!.Client;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        _host = await ServeHost.StartAsync(
        [
            "--Slack:BotToken=xoxb-acceptance",
            $"--Slack:SigningSecret={SlackTestHost.SigningSecret}",
            $"--Slack:ApiBaseUrl={Slack.ApiBaseUrl.AbsoluteUri}",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await Slack.DisposeAsync();
    }
}

public sealed class SlackServeAcceptanceTests(SlackServeFixture fixture) : IClassFixture<SlackServeFixture>
{
    private FakeSlack Slack => fixture.Slack;

    private IReadOnlyList<ApiCall> PostsIn(string threadTs) =>
        Slack.Posts.Where(p => p.Body.TryGetProperty("thread_ts", out var t) && t.GetString() == threadTs).ToList();

    [Fact]
    public async Task A_signed_mention_of_permission_denied_gets_one_threaded_answer_with_blocks()
    {
        var response = await fixture.Client.SendAsync(SlackPayloads.SignedEvent(
            SlackPayloads.AppMention("Ev-accept-1", "<@UBOT> Permission denied (publickey) と出ます", ts: "1800000001.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Slack.Changed.WaitUntilAsync(() => PostsIn("1800000001.000100").Count == 1, what: "the threaded answer");
        var post = Assert.Single(PostsIn("1800000001.000100"));
        Assert.Equal("C123", post.Body.GetProperty("channel").GetString());
        Assert.Equal("Bearer xoxb-acceptance", post.Authorization);
        var blocks = post.Body.GetProperty("blocks");
        Assert.Contains(blocks.EnumerateArray(), b => b.GetProperty("text").GetProperty("text").GetString()!.StartsWith("*公開鍵が登録されているか確認してください*\n*鍵の権限*", StringComparison.Ordinal));
        Assert.Contains(blocks.EnumerateArray(), b => b.GetProperty("text").GetProperty("text").GetString() == "```\nchmod 600 ~/.ssh/id_ed25519\n```");
        Assert.Contains("chmod 600", post.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bad_signature_gets_401_and_no_reply()
    {
        var request = SlackPayloads.Signed("slack/events", SlackPayloads.Json(
            SlackPayloads.AppMention("Ev-accept-2", "<@UBOT> Permission denied (publickey)", ts: "1800000002.000100")), "application/json", secret: "forged");

        var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(PostsIn("1800000002.000100"));
    }

    [Fact]
    public async Task The_same_event_delivered_five_times_gets_one_reply()
    {
        var payload = SlackPayloads.AppMention("Ev-accept-3", "<@UBOT> Permission denied (publickey)", ts: "1800000003.000100");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => fixture.Client.SendAsync(SlackPayloads.SignedEvent(payload, retryNum: i == 0 ? null : i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Slack.Changed.WaitUntilAsync(() => PostsIn("1800000003.000100").Count >= 1, what: "the answer");
        // A later, different event is answered after the duplicates were refused; by then a second reply would show.
        await fixture.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention("Ev-accept-3b", "<@UBOT> register key", ts: "1800000003.000200")));
        await Slack.Changed.WaitUntilAsync(() => PostsIn("1800000003.000200").Count == 1, what: "the sentinel answer");
        Assert.Single(PostsIn("1800000003.000100"));
    }
}
