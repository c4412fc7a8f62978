using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>
/// The last steps of every turn, the same on every channel: record the final replies (the engine recorded its own with
/// the state), send, mark sent. A crash between any two steps leaves a record that a re-delivery or the sweep re-sends.
/// </summary>
internal sealed class OutboxDelivery(ITurnOutbox outbox, ILogger<OutboxDelivery> logger)
{
    public async Task DeliverAsync(string eventKey, IReadOnlyList<BotReply> replies, Func<IReadOnlyList<BotReply>, CancellationToken, Task> send,
        CancellationToken cancellationToken)
    {
        // The layers around the engine may have added to its replies (feedback buttons, a hand-off note): keep the final ones.
        await BestEffortAsync(() => outbox.RecordAsync(new OutboxRecord(eventKey, replies), cancellationToken), eventKey);
        FaultInjection.CrashIfArmed(FaultInjection.BeforeSend, eventKey);
        await send(replies, cancellationToken);
        FaultInjection.CrashIfArmed(FaultInjection.AfterSend, eventKey);
        await MarkSentAsync(eventKey, cancellationToken);
    }

    /// <summary>Also after an apology went out instead of the answer: the event is answered either way.</summary>
    public Task MarkSentAsync(string eventKey, CancellationToken cancellationToken) =>
        BestEffortAsync(() => outbox.MarkSentAsync(eventKey, cancellationToken), eventKey);

    // The user is answered even while the store is unreachable; only the crash-safety of this one turn is lost.
    private async Task BestEffortAsync(Func<Task> write, string eventKey)
    {
        try
        {
            await write();
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Outbox unreachable for event {EventKey}; answering without a durable record", eventKey);
        }
    }
}
