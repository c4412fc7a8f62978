using SshSupportBot.Channels;

namespace SshSupportBot.Tests.Channels;

public sealed class ChannelInboxTests
{
    [Fact]
    public async Task A_redelivered_event_is_answered_once()
    {
        await using var bench = new InboxBench();

        Assert.Equal(InboxResult.Queued, await bench.SendAsync("c1", "ev-1", "hello"));
        Assert.Equal(InboxResult.Duplicate, await bench.SendAsync("c1", "ev-1", "hello"));
        await bench.StartAsync();
        await bench.SendAsync("c1", "ev-2", "after");
        await bench.Channel.WaitForAsync(2);

        Assert.Equal(["c1: You said: hello", "c1: You said: after"], bench.Channel.Sent);
        Assert.Equal(InboxResult.Duplicate, await bench.SendAsync("c1", "ev-1", "hello"));
    }

    [Fact]
    public async Task A_second_copy_of_a_message_under_another_key_is_answered_once()
    {
        await using var bench = new InboxBench();
        await bench.StartAsync();
        InboxTurn Copy(string eventId) => new(InboxBench.Message("c1", eventId, "hello"), "c1", bench.Channel) { DedupeKeys = ["message:c1:17"] };

        Assert.Equal(InboxResult.Queued, await bench.Inbox.AcceptAsync(Copy("app-mention-1"), CancellationToken.None));
        Assert.Equal(InboxResult.Duplicate, await bench.Inbox.AcceptAsync(Copy("message-im-1"), CancellationToken.None));
        await bench.Channel.WaitForAsync(1);

        Assert.Equal(["c1: You said: hello"], bench.Channel.Sent);
    }

    [Fact]
    public async Task Two_messages_of_one_conversation_are_handled_in_order_even_with_several_workers()
    {
        await using var bench = new InboxBench(workers: 4);
        bench.Handler.Hold("first");
        await bench.StartAsync();

        await bench.SendAsync("c1", "ev-1", "first");
        await bench.Handler.Started("first").WaitAsync(TimeSpan.FromSeconds(30));
        await bench.SendAsync("c1", "ev-2", "second");
        // Queued after "second": once a free worker has answered it, it has passed "second" by in the queue.
        await bench.SendAsync("c2", "ev-3", "other");
        await bench.Channel.WaitForAsync(1);
        Assert.DoesNotContain("start second", bench.Handler.Events);

        bench.Handler.Release("first");
        await bench.Channel.WaitForAsync(3);

        var events = bench.Handler.Events.ToList();
        Assert.True(events.IndexOf("end first") < events.IndexOf("start second"), string.Join(", ", events));
        Assert.Equal(["c2: You said: other", "c1: You said: first", "c1: You said: second"], bench.Channel.Sent);
    }

    [Fact]
    public async Task Different_conversations_run_in_parallel()
    {
        await using var bench = new InboxBench(workers: 2);
        bench.Handler.Hold("slow");
        await bench.StartAsync();

        await bench.SendAsync("c1", "ev-1", "slow");
        await bench.Handler.Started("slow").WaitAsync(TimeSpan.FromSeconds(30));
        await bench.SendAsync("c2", "ev-2", "quick");
        await bench.Channel.WaitForAsync(1);

        Assert.Equal(["c2: You said: quick"], bench.Channel.Sent);
        Assert.DoesNotContain("end slow", bench.Handler.Events);
        bench.Handler.Release("slow");
        await bench.Channel.WaitForAsync(2);
    }

    [Fact]
    public async Task A_full_queue_refuses_without_claiming_so_the_platforms_redelivery_is_answered()
    {
        await using var bench = new InboxBench(capacity: 1);

        Assert.Equal(InboxResult.Queued, await bench.SendAsync("c1", "ev-1", "first"));
        Assert.Equal(InboxResult.Full, await bench.SendAsync("c2", "ev-2", "refused"));
        Assert.Equal(1, bench.Inbox.Queue.Waiting);

        await bench.StartAsync();
        await bench.Channel.WaitForAsync(1);
        Assert.Equal(InboxResult.Queued, await bench.SendAsync("c2", "ev-2", "refused"));
        await bench.Channel.WaitForAsync(2);

        Assert.Equal(["c1: You said: first", "c2: You said: refused"], bench.Channel.Sent);
    }

    [Fact]
    public async Task An_exception_in_a_turn_gives_the_apology_and_the_next_turn_works()
    {
        await using var bench = new InboxBench(workers: 1);
        bench.Handler.Throwing.Add("boom");
        var failedBefore = InboxMetrics.Failed.WithLabels(InboxBench.ChannelName).Value;
        await bench.StartAsync();

        await bench.SendAsync("c1", "ev-1", "boom");
        await bench.SendAsync("c1", "ev-2", "fine");
        await bench.Channel.WaitForAsync(2);

        Assert.Equal(["c1: sorry", "c1: You said: fine"], bench.Channel.Sent);
        Assert.True(InboxMetrics.Failed.WithLabels(InboxBench.ChannelName).Value >= failedBefore + 1);
        // The apology counts as the answer: a re-delivery of the failed event is not answered again.
        Assert.Equal(InboxResult.Duplicate, await bench.SendAsync("c1", "ev-1", "boom"));
    }

    [Fact]
    public async Task Shutdown_lets_an_acknowledged_turn_finish_and_answers_what_was_queued_behind_it()
    {
        var bench = new InboxBench(workers: 1);
        bench.Handler.Hold("in flight");
        await bench.StartAsync();
        await bench.SendAsync("c1", "ev-1", "in flight");
        await bench.Handler.Started("in flight").WaitAsync(TimeSpan.FromSeconds(30));
        await bench.SendAsync("c2", "ev-2", "queued");

        var stopping = bench.Workers.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        bench.Handler.Release("in flight");
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["c1: You said: in flight", "c2: You said: queued"], bench.Channel.Sent);
        bench.Workers.Dispose();
    }
}
