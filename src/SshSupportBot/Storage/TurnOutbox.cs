using SshSupportBot.Conversations;

namespace SshSupportBot.Storage;

/// <summary>What the claim on an incoming event tells the channel to do with it.</summary>
internal enum OutboxDecision
{
    /// <summary>First delivery: answer it.</summary>
    Answer,

    /// <summary>Taken before by a turn that ended (crashed) before its reply was recorded: answer it again.</summary>
    Retake,

    /// <summary>The reply was recorded but never marked sent: send the recorded reply, do not decide again.</summary>
    Resend,

    /// <summary>Answered and sent already.</summary>
    Done,

    /// <summary>Another worker holds it right now.</summary>
    InProgress,
}

internal sealed record OutboxClaim(OutboxDecision Decision, IReadOnlyList<BotReply>? Replies = null);

/// <summary>A recorded reply that nobody marked sent in time, with the channel's address to send it to.</summary>
internal sealed record PendingDelivery(string EventKey, string Address, IReadOnlyList<BotReply> Replies);

/// <summary>
/// The outbox that makes a turn's outcome durable before it is acknowledged as done: an event is claimed (with the
/// address its reply goes to), its reply recorded together with the conversation state, sent, then marked sent. After
/// a crash a re-delivered event is re-sent from the record, never decided twice, and the sweep sends what nobody did.
/// </summary>
internal interface ITurnOutbox
{
    /// <param name="address">Where the reply goes, in the channel's own serialised form; kept for the sweep.</param>
    Task<OutboxClaim> ClaimAsync(string eventKey, string address, CancellationToken cancellationToken);

    /// <summary>Records (or replaces) the replies of a turn not yet sent; the engine's own record is made with the state save.</summary>
    Task RecordAsync(OutboxRecord record, CancellationToken cancellationToken);

    Task MarkSentAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>
    /// Recorded replies not marked sent and untouched for the claim lease, so surely orphaned by a dead process rather than
    /// in the middle of a slow send; each returned one is touched, so one sweeper takes it.
    /// </summary>
    Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(int max, CancellationToken cancellationToken);
}
