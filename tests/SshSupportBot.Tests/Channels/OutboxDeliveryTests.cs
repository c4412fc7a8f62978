using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Channels;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Channels;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task A_recorded_reply_the_sweep_takes_just_after_a_redelivery_sent_it_is_not_sent_again()
    {
        var delivery = new OutboxDelivery(new InMemoryTurnOutbox(TimeProvider.System), NullLogger<OutboxDelivery>.Instance);
        IReadOnlyList<BotReply> recorded = [ScriptedTurnHandler.Reply("Paste the last few lines")];
        var sends = 0;
        Task Send(IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
        {
            sends++;
            return Task.CompletedTask;
        }

        Assert.True(await delivery.DeliverAsync("test:c1:ev-2", () => Task.FromResult(recorded), Send, CancellationToken.None, alreadyRecorded: true));
        Assert.False(await delivery.DeliverAsync("test:c1:ev-2", () => Task.FromResult(recorded), Send, CancellationToken.None, alreadyRecorded: true));

        Assert.Equal(1, sends);
    }

    [Fact]
    public async Task A_new_turn_is_answered_even_when_another_event_of_the_conversation_was_just_resent()
    {
        var delivery = new OutboxDelivery(new InMemoryTurnOutbox(TimeProvider.System), NullLogger<OutboxDelivery>.Instance);
        IReadOnlyList<BotReply> reply = [ScriptedTurnHandler.Reply("ok")];
        var sends = 0;
        Task Send(IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
        {
            sends++;
            return Task.CompletedTask;
        }

        await delivery.DeliverAsync("test:c1:ev-2", () => Task.FromResult(reply), Send, CancellationToken.None, alreadyRecorded: true);
        Assert.True(await delivery.DeliverAsync("test:c1:ev-3", () => Task.FromResult(reply), Send, CancellationToken.None));

        Assert.Equal(2, sends);
    }
}
