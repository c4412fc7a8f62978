using SshSupportBot.Channels;
using SshSupportBot.Common;
using System.Net;
using System.Net.Http.Json;
using SshSupportBot.Tests.Production.Support;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Production;

/// <summary>The fake Slack and the fake Bot Connector, shared by the crash tests; each test has its own channel and database.</summary>
public sealed class CrashRecoveryFixture : IAsyncLifetime
{
    internal FakeSlack Slack { get; private set; } = null!;

    internal FakeConnector Connector { get; private set; } = null!;

    /// <summary>Persistent as infra/ ships it, for the runs on shared storage.</summary>
    internal RedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Redis = await RedisServer.StartAsync(appendOnly: true);
    }

    public async Task DisposeAsync()
    {
        Redis?.Dispose();
        await (Slack?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Connector?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}

/// <summary>
/// A real <c>sshbot serve</c> killed with SIGKILL at a chosen point of a turn (its test-only fault injection), restarted on
/// the same SQLite file, and sent what the platform sends then: Slack re-delivers the same signed event, Teams nothing.
/// </summary>
[Collection(BotProcesses.Name)]
public sealed class CrashRecoveryTests(CrashRecoveryFixture fixture) : IClassFixture<CrashRecoveryFixture>, IDisposable
{
    // A question whose answer offers the connection-drops checks as choice 1; typing "1" then starts them.
    private const string DropsQuestion = "my ssh connection keeps dropping";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    // Trained once, then loaded by every process of these tests and the replica tests.
    private static readonly string ModelDirectory = ReplicaSet.DataDirectory;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("sshbot-crash-").FullName;

    private Task<BotReplica> StartAsync(string name, string? crashAt, bool redis = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["Bot__IntentsPath"] = RepositoryPaths.Intents,
            ["Bot__DataDirectory"] = ModelDirectory,
            ["Storage__Sqlite"] = Path.Combine(_dataDirectory, "conversations.db"),
            ["Storage__TurnClaimLease"] = "00:00:03",
            ["Storage__OutboxResendAfter"] = "00:00:01",
            ["Slack__BotToken"] = "xoxb-crash",
            ["Slack__BotUserId"] = "UBOT",
            ["Slack__SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack__ApiBaseUrl"] = fixture.Slack.ApiBaseUrl.AbsoluteUri,
            ["Slack__MessageInterval"] = "00:00:00.010",
            ["Teams__AppId"] = "crash-local",
            ["Teams__AllowUnauthenticated"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            // What the outbox decided shows in a failure message.
            ["Logging__LogLevel__SshSupportBot.Channels.OutboxSweeper"] = "Information",
            ["Logging__LogLevel__SshSupportBot.Channels.OutboxDelivery"] = "Debug",
            ["Logging__LogLevel__SshSupportBot.Channels.ChannelInbox"] = "Information",
            ["Logging__LogLevel__SshSupportBot.Channels.InboxWorkers"] = "Information",
        };
        if (crashAt is not null)
        {
            environment[FaultInjection.Variable] = crashAt;
        }
        if (redis)
        {
            environment["Storage__Redis"] = fixture.Redis.ConnectionString;
            environment["Storage__RedisKeyPrefix"] = $"sshbot-crash-{Path.GetFileName(_dataDirectory)}:";
            // A killed server holds its conversation's lease until it lapses; short here, so the next turn need not wait 30 s.
            environment["Storage__ConversationLockLease"] = "00:00:03";
        }
        return BotReplica.StartAsync(name, environment);
    }

    private IReadOnlyList<string> SlackPostsTo(string channel) => fixture.Slack.Posts
        .Where(p => p.Body.TryGetProperty("channel", out var c) && c.GetString() == channel)
        .Select(p => p.Body.GetProperty("text").GetString() ?? "")
        .ToList();

    private static HttpRequestMessage SlackEvent(string eventId, string channel, string text, int? retryNum = null) =>
        SlackPayloads.SignedEvent(ReplicaSet.DirectMessage(eventId, channel, text, $"1800001{Math.Abs(eventId.GetHashCode()) % 1000:000}.000100"), retryNum);

    private async Task<string> AskSlackAsync(BotReplica bot, string channel, string eventId, string text, int expectedPosts)
    {
        using var response = await bot.Client.SendAsync(SlackEvent(eventId, channel, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.Slack.Changed.WaitUntilAsync(() => SlackPostsTo(channel).Count >= expectedPosts, ReplyTimeout, $"reply {expectedPosts} in {channel}");
        return SlackPostsTo(channel)[expectedPosts - 1];
    }

    /// <summary>
    /// Waits until the bot marked the reply sent: the fake sees the post a moment before that, and a kill inside that moment
    /// is the one window where a reply goes out twice (see the after-send test).
    /// </summary>
    private static async Task MarkedSentAsync(BotReplica bot, string eventId)
    {
        var line = $":{eventId} sent and marked sent";
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (!bot.Log.Contains(line, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains(line, bot.Log);
    }

    /// <summary>Sends a request the server may not live to answer; only its crash is certain.</summary>
    private static async Task SendIntoCrashAsync(BotReplica doomed, HttpRequestMessage request)
    {
        try
        {
            using var _ = await doomed.Client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
        }
        Assert.True(await doomed.WaitForExitAsync(ReplyTimeout), "the fault injection did not kill the server");
        Assert.Equal(137, doomed.ExitCode);
    }

    [Theory]
    [InlineData(FaultInjection.AfterCommit, false)]
    [InlineData(FaultInjection.BeforeSend, false)]
    [InlineData(FaultInjection.AfterCommit, true)]
    [InlineData(FaultInjection.BeforeSend, true)]
    public async Task A_server_killed_mid_turn_answers_the_slack_redeliveries_exactly_once_and_the_flow_goes_on(string point, bool redis)
    {
        var channel = $"D-crash-{point}-{(redis ? "redis" : "sqlite")}";
        var eventId = $"Ev-crash-{point}-{redis}-2";
        string doomedLog;
        await using (var doomed = await StartAsync("doomed", $"{point}@{eventId}", redis))
        {
            await AskSlackAsync(doomed, channel, $"Ev-crash-{point}-{redis}-0", DropsQuestion, 1);
            Assert.Contains("ServerAliveInterval", await AskSlackAsync(doomed, channel, $"Ev-crash-{point}-{redis}-1", "1", 2));
            await MarkedSentAsync(doomed, $"Ev-crash-{point}-{redis}-1");
            await SendIntoCrashAsync(doomed, SlackEvent(eventId, channel, "2"));
            doomedLog = doomed.Log;
        }
        Assert.Equal(2, SlackPostsTo(channel).Count);

        await using var restarted = await StartAsync("restarted", null, redis);
        // Slack's three retries of the event the dead server had acknowledged.
        foreach (var retry in new[] { 1, 2, 3 })
        {
            using var response = await restarted.Client.SendAsync(SlackEvent(eventId, channel, "2", retry));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(700);
        }
        await fixture.Slack.Changed.WaitUntilAsync(() => SlackPostsTo(channel).Count >= 3, ReplyTimeout, "the recorded reply");
        // Longer than the resend delay and two sweeps: a second copy, were one coming, would be here by now.
        await Task.Delay(2500);

        var posts = SlackPostsTo(channel);
        Assert.True(posts.Count == 3, $"{posts.Count} posts:\n{string.Join("\n---\n", posts.Select(p => p[..Math.Min(60, p.Length)]))}\n{doomedLog}\n{restarted.Log}");
        Assert.Contains("Paste the last few lines", posts[2]);
        Assert.Contains("If it still drops", await AskSlackAsync(restarted, channel, $"Ev-crash-{point}-{redis}-3", "client_loop: send disconnect: Broken pipe", 4));
    }

    [Fact]
    public async Task A_server_killed_after_posting_but_before_marking_it_sent_posts_the_reply_again_rather_than_lose_it()
    {
        var channel = "D-crash-after-send";
        const string eventId = "Ev-crash-after-send-2";
        await using (var doomed = await StartAsync("doomed", $"{FaultInjection.AfterSend}@{eventId}"))
        {
            await AskSlackAsync(doomed, channel, "Ev-crash-after-send-0", DropsQuestion, 1);
            await AskSlackAsync(doomed, channel, "Ev-crash-after-send-1", "1", 2);
            await MarkedSentAsync(doomed, "Ev-crash-after-send-1");
            await SendIntoCrashAsync(doomed, SlackEvent(eventId, channel, "2"));
        }
        // Slack took the post before the kill: the user saw it, and nothing recorded that they did.
        Assert.Equal(3, SlackPostsTo(channel).Count);

        await using var restarted = await StartAsync("restarted", null);
        using (var response = await restarted.Client.SendAsync(SlackEvent(eventId, channel, "2", retryNum: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await fixture.Slack.Changed.WaitUntilAsync(() => SlackPostsTo(channel).Count >= 4, ReplyTimeout, "the re-sent reply");
        await Task.Delay(2500);

        // At least once, never decided twice: the same recorded reply again, and the flow is still at the step it shows.
        var posts = SlackPostsTo(channel);
        Assert.Equal(4, posts.Count);
        Assert.Equal(posts[2], posts[3]);
        Assert.Contains("If it still drops", await AskSlackAsync(restarted, channel, "Ev-crash-after-send-3", "client_loop: send disconnect: Broken pipe", 5));
    }

    [Fact]
    public async Task A_server_killed_after_the_commit_of_a_teams_turn_sends_the_recorded_reply_after_restart_without_any_redelivery()
    {
        var connector = fixture.Connector;
        var conversation = "a:crash-" + Guid.NewGuid().ToString("N");
        var run = Guid.NewGuid().ToString("N")[..8];
        var activityId = $"act-{run}-2";
        IReadOnlyList<RecordedReply> RepliesHere() => connector.Accepted.Where(r => r.ConversationId == conversation).ToList();
        HttpRequestMessage Activity(string id, string text)
        {
            var activity = ActivityBuilder.Message(text, connector.ServiceUrl, id);
            activity["conversation"] = new { id = conversation, conversationType = "personal" };
            return new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        }
        async Task<string> WaitForReplyAsync(int count)
        {
            var deadline = DateTime.UtcNow + ReplyTimeout;
            while (RepliesHere().Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Assert.True(RepliesHere().Count >= count, $"Teams reply {count} did not arrive");
            return RepliesHere()[count - 1].Text;
        }

        await using (var doomed = await StartAsync("doomed", $"{FaultInjection.AfterCommit}@{activityId}"))
        {
            using (var question = await doomed.Client.SendAsync(Activity($"act-{run}-0", DropsQuestion)))
            {
                Assert.Equal(HttpStatusCode.Accepted, question.StatusCode);
            }
            await WaitForReplyAsync(1);
            using (var first = await doomed.Client.SendAsync(Activity($"act-{run}-1", "1")))
            {
                Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            }
            try
            {
                Assert.Contains("ServerAliveInterval", await WaitForReplyAsync(2));
                await MarkedSentAsync(doomed, $"act-{run}-1");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException(doomed.Log, e);
            }
            await SendIntoCrashAsync(doomed, Activity(activityId, "2"));
        }
        Assert.Equal(2, RepliesHere().Count);

        await using var restarted = await StartAsync("restarted", null);
        var recovered = await WaitForReplyAsync(3);
        await Task.Delay(2500);

        Assert.Equal(3, RepliesHere().Count);
        Assert.Contains("Paste the last few lines", recovered);
        Assert.Equal(activityId, RepliesHere()[2].ReplyToId);
        using (var third = await restarted.Client.SendAsync(Activity($"act-{run}-3", "client_loop: send disconnect: Broken pipe")))
        {
            Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        }
        Assert.Contains("If it still drops", await WaitForReplyAsync(4));
    }

    [Fact]
    public async Task A_server_started_on_a_garbage_database_keeps_it_aside_says_so_and_turns_unready_when_the_new_file_is_deleted()
    {
        var database = Path.Combine(_dataDirectory, "conversations.db");
        var garbage = new byte[16_384];
        new Random(5).NextBytes(garbage);
        await File.WriteAllBytesAsync(database, garbage);

        await using var bot = await StartAsync("on-garbage", null);
        using (var ready = await bot.Client.GetAsync("readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var notice = (await ready.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("storageNotice").GetString()!;
            var aside = Assert.Single(Directory.GetFiles(_dataDirectory, "conversations.db.broken-*"));
            Assert.Contains($"kept aside as {aside}", notice);
            Assert.Equal(garbage, await File.ReadAllBytesAsync(aside));
        }
        Assert.Contains("error: The conversations database", bot.Log);
        Assert.Contains("ServerAliveInterval", await AskSlackAsync(bot, "D-fresh-db", "Ev-fresh-db-1", DropsQuestion, 1));

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }

        await bot.WaitForReadyAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        using var unready = await bot.Client.GetAsync("readyz");
        Assert.Contains("was deleted while in use", await unready.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
