using SshSupportBot.Conversations;
using System.Net;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Storage;

/// <summary>While the shared store cannot be reached no event is claimed in one process's memory: the platform is asked to re-deliver.</summary>
public sealed class StoreOutageTests
{
    /// <summary>An outbox whose store can be taken down and brought back, as Redis restarting would.</summary>
    private sealed class SwitchableOutbox() : ITurnOutbox
    {
        private readonly InMemoryTurnOutbox _inner = new(TimeProvider.System);

        public bool Down { get; set; }

        private T Guard<T>(Func<T> call) => Down ? throw new StorageUnavailableException("Redis is unreachable") : call();

        public Task<OutboxClaim> ClaimAsync(string eventKey, string address, CancellationToken cancellationToken) =>
            Guard(() => _inner.ClaimAsync(eventKey, address, cancellationToken));

        public Task RecordAsync(OutboxRecord record, CancellationToken cancellationToken) => Guard(() => _inner.RecordAsync(record, cancellationToken));

        public Task MarkSentAsync(string eventKey, CancellationToken cancellationToken) => Guard(() => _inner.MarkSentAsync(eventKey, cancellationToken));

        public Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(int max, CancellationToken cancellationToken) =>
            Guard(() => _inner.TakeDueAsync(max, cancellationToken));
    }

    [Fact]
    public async Task A_slack_event_arriving_while_the_store_is_down_gets_503_and_its_redelivery_is_answered_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        var outbox = new SwitchableOutbox { Down = true };
        await using var host = await SlackTestHost.StartAsync(SlackTestHost.HttpSettings(slack), outbox: outbox);
        var mention = SlackPayloads.AppMention("Ev-outage-1", "<@UBOT> Permission denied (publickey)", ts: "1800000900.000100");

        using (var whileDown = await host.Client.SendAsync(SlackPayloads.SignedEvent(mention)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        }
        outbox.Down = false;
        using (var retry = await host.Client.SendAsync(SlackPayloads.SignedEvent(mention, retryNum: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }
        await slack.Changed.WaitUntilAsync(() => slack.Posts.Count >= 1, what: "the answer to the re-delivery");
        using (var lateRetry = await host.Client.SendAsync(SlackPayloads.SignedEvent(mention, retryNum: 2)))
        {
            Assert.Equal(HttpStatusCode.OK, lateRetry.StatusCode);
        }

        await Task.Delay(500);
        Assert.Single(host.Handler.Turns);
        Assert.Single(slack.Posts);
    }

    [Fact]
    public async Task A_teams_activity_arriving_while_the_store_is_down_gets_503_so_the_connector_sends_it_again()
    {
        await using var connector = await FakeConnector.StartAsync();
        var outbox = new SwitchableOutbox { Down = true };
        await using var host = await TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "outage-local",
            ["Teams:AllowUnauthenticated"] = "true",
        }, outbox: outbox);
        var activity = ActivityBuilder.Message("Permission denied (publickey)", connector.ServiceUrl, id: "act-outage-1");

        using (var whileDown = await host.PostAsync(activity, token: null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        }
        outbox.Down = false;
        using (var resent = await host.PostAsync(activity, token: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        }

        Assert.Single(await connector.WaitForRepliesAsync(1));
        Assert.Single(host.Turns.Turns);
    }
}
