using System.Net;
using SshSupportBot.Tests.Production.Support;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Production;

/// <summary>Two real bot processes sharing a real Redis: every replica sees the same conversations, nothing is answered twice or lost.</summary>
[Collection(BotProcesses.Name)]
public sealed class TwoReplicaTests(ReplicaSet set) : IClassFixture<ReplicaSet>
{
    // A question whose answer offers the connection-drops checks as choice 1; typing "1" then starts them.
    private const string DropsQuestion = "my ssh connection keeps dropping";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    private async Task<string> SendAsync(BotReplica replica, string channel, string eventId, string text, int expectedPosts)
    {
        var ts = $"1800000{Math.Abs(eventId.GetHashCode()) % 1000:000}.{expectedPosts:000000}";
        using var response = await replica.Client.SendAsync(SlackPayloads.SignedEvent(ReplicaSet.DirectMessage(eventId, channel, text, ts)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await set.Slack.Changed.WaitUntilAsync(() => set.PostsTo(channel).Count >= expectedPosts, ReplyTimeout, $"reply {expectedPosts} in {channel} from {replica.Name}");
        return ReplicaSet.Text(set.PostsTo(channel)[expectedPosts - 1]);
    }

    private async Task BothReadyAsync()
    {
        await set.A.WaitForReadyAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        await set.B.WaitForReadyAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task One_event_delivered_to_both_replicas_at_once_gets_one_reply()
    {
        await BothReadyAsync();
        var payload = ReplicaSet.DirectMessage("Ev-both-1", "D-both", "Permission denied (publickey)", "1800000100.000100");

        var responses = await Task.WhenAll(
            set.A.Client.SendAsync(SlackPayloads.SignedEvent(payload)),
            set.B.Client.SendAsync(SlackPayloads.SignedEvent(payload, retryNum: 1)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await set.Slack.Changed.WaitUntilAsync(() => set.PostsTo("D-both").Count >= 1, ReplyTimeout, "the answer");
        // Give a second answer, were there one, time to arrive.
        await Task.Delay(1500);
        Assert.Single(set.PostsTo("D-both"));
    }

    [Fact]
    public async Task A_flow_started_on_one_replica_continues_on_the_other()
    {
        await BothReadyAsync();

        await SendAsync(set.B, "D-alt", "Ev-alt-0", DropsQuestion, 1);
        var first = await SendAsync(set.A, "D-alt", "Ev-alt-1", "1", 2);
        var second = await SendAsync(set.B, "D-alt", "Ev-alt-2", "2", 3);
        var third = await SendAsync(set.A, "D-alt", "Ev-alt-3", "client_loop: send disconnect: Broken pipe", 4);

        Assert.Contains("ServerAliveInterval", first);
        Assert.Contains("Paste the last few lines", second);
        Assert.Contains("If it still drops", third);
    }

    [Fact]
    public async Task A_replica_killed_mid_flow_loses_nothing_the_other_continues()
    {
        await BothReadyAsync();
        await using var doomed = await set.StartReplicaAsync("C");

        await SendAsync(doomed, "D-kill", "Ev-kill-0", DropsQuestion, 1);
        var first = await SendAsync(doomed, "D-kill", "Ev-kill-1", "1", 2);
        doomed.Kill();
        var second = await SendAsync(set.B, "D-kill", "Ev-kill-2", "2", 3);

        Assert.Contains("ServerAliveInterval", first);
        Assert.Contains("Paste the last few lines", second);
    }

    [Fact]
    public async Task Redis_killed_and_restarted_mid_conversation_refuses_events_while_down_then_answers_each_once_and_keeps_the_flow()
    {
        await BothReadyAsync();
        await SendAsync(set.A, "D-redis", "Ev-redis-0", DropsQuestion, 1);
        await SendAsync(set.A, "D-redis", "Ev-redis-1", "1", 2);

        set.Redis.Stop();
        await set.A.WaitForReadyAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        var secondTurn = ReplicaSet.DirectMessage("Ev-redis-2", "D-redis", "2", "1800000200.000200");
        // No claim kept in one process's memory: the event is refused, so Slack delivers it again later.
        using (var whileDown = await set.B.Client.SendAsync(SlackPayloads.SignedEvent(secondTurn)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        }
        await set.Redis.StartAgainAsync();
        await BothReadyAsync();
        using (var retry = await set.A.Client.SendAsync(SlackPayloads.SignedEvent(secondTurn, retryNum: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }
        await set.Slack.Changed.WaitUntilAsync(() => set.PostsTo("D-redis").Count >= 3, ReplyTimeout, "the answer to the re-delivered event");
        // The first event, re-delivered after the restart, was remembered through the append-only file.
        using (var lateRetry = await set.B.Client.SendAsync(SlackPayloads.SignedEvent(
            ReplicaSet.DirectMessage("Ev-redis-1", "D-redis", "1", $"1800000{Math.Abs("Ev-redis-1".GetHashCode()) % 1000:000}.000002"), retryNum: 2)))
        {
            Assert.Equal(HttpStatusCode.OK, lateRetry.StatusCode);
        }
        var third = await SendAsync(set.B, "D-redis", "Ev-redis-3", "client_loop: send disconnect: Broken pipe", 4);

        var posts = set.PostsTo("D-redis");
        Assert.Equal(4, posts.Count);
        Assert.Contains("Paste the last few lines", ReplicaSet.Text(posts[2]));
        Assert.Contains("If it still drops", third);
    }
}
