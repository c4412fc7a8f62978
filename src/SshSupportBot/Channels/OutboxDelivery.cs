using SshSupportBot.Common;
using System.Collections.Concurrent;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Channels;

/// <summary>
/// The last steps of every turn, the same on every channel: record the final replies (the engine recorded its own with
/// the state), send, mark sent. A crash between any two steps leaves a record that a re-delivery or the sweep re-sends.
/// </summary>
internal sealed class OutboxDelivery(ITurnOutbox outbox, ILogger<OutboxDelivery> logger)
{
    // Sends under way in this process. A slow send (a cold client, a rate limit) can outlast the resend delay; the sweep
    // or a re-delivery must not send the same reply beside it.
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    // Recorded replies this process sent lately. The sweep can take a record just before a re-delivery's worker sends
    // and marks it, and start its own send just after: the in-flight guard alone does not see two sends in a row.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlySent = new(StringComparer.Ordinal);
    private static readonly TimeSpan RecentlySentMemory = TimeSpan.FromMinutes(5);

    /// <param name="answer">Runs the turn (the engine records its reply with the state) or returns the recorded reply.</param>
    /// <returns>False when this process is already answering <paramref name="eventKey"/>; nothing was sent.</returns>
    public async Task<bool> DeliverAsync(string eventKey, Func<Task<IReadOnlyList<BotReply>>> answer, Func<IReadOnlyList<BotReply>, CancellationToken, Task> send,
        CancellationToken cancellationToken, bool alreadyRecorded = false)
    {
        if (!_inFlight.TryAdd(eventKey, 0))
        {
            logger.LogInformation("Reply of event {EventKey} is being sent already; not sending it beside", eventKey);
            return false;
        }
        try
        {
            if (alreadyRecorded && _recentlySent.ContainsKey(eventKey))
            {
                logger.LogInformation("Recorded reply of event {EventKey} was sent by this process already; not sending it again", eventKey);
                return false;
            }
            var replies = await answer();
            if (!alreadyRecorded)
            {
                // The layers around the engine may have added to its replies (feedback buttons, a hand-off note): keep the final ones.
                await BestEffortAsync(() => outbox.RecordAsync(new OutboxRecord(eventKey, replies), cancellationToken), eventKey);
            }
            FaultInjection.CrashIfArmed(FaultInjection.BeforeSend, eventKey);
            await send(replies, cancellationToken);
            FaultInjection.CrashIfArmed(FaultInjection.AfterSend, eventKey);
            await MarkSentAsync(eventKey, cancellationToken);
            Remember(eventKey);
            logger.LogDebug("Reply of event {EventKey} sent and marked sent", eventKey);
            return true;
        }
        finally
        {
            _inFlight.TryRemove(eventKey, out _);
        }
    }

    private void Remember(string eventKey)
    {
        var now = DateTimeOffset.UtcNow;
        _recentlySent[eventKey] = now;
        if (_recentlySent.Count > 1024)
        {
            foreach (var (key, sentAt) in _recentlySent)
            {
                if (now - sentAt > RecentlySentMemory)
                {
                    _recentlySent.TryRemove(key, out _);
                }
            }
        }
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
