using SshSupportBot.Languages;
using SshSupportBot.Intents;

namespace SshSupportBot.Storage;

/// <summary>
/// What admins learn from: every turn as a count (no text), the answered questions for a while (redacted, for a 👎),
/// the review queue, and the audit trail of admin actions. Lives beside the conversation state.
/// </summary>
internal interface IFeedbackStore
{
    Task RecordTurnAsync(TurnRecord turn, CancellationToken cancellationToken);

    /// <summary>Remembers an answer so that a later 👎 can put its question in the queue.</summary>
    Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken);

    Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken);

    Task<AnswerRecord?> LastAnswerAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>False when this answer already had feedback: a second press changes nothing.</summary>
    Task<bool> RecordFeedbackAsync(string answerId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken);

    Task<long> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewItem>> PendingAsync(CancellationToken cancellationToken);

    Task<ReviewItem?> FindItemAsync(long id, CancellationToken cancellationToken);

    /// <summary>Closes an item (and every pending item with the same text) as assigned or dismissed.</summary>
    Task<int> ResolveAsync(long id, ReviewStatus status, string? intent, string actor, CancellationToken cancellationToken);

    Task AuditAsync(string actor, string action, string detail, DateTimeOffset at, CancellationToken cancellationToken);

    Task<UsageStats> StatsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

internal enum TurnOutcome
{
    Answered,
    LowConfidence,
    Declined,
    Flow,
    Feedback,
    Handoff,
    Admin,
}

internal enum ReviewReason
{
    Declined,
    LowConfidence,
    NotHelpful,
}

internal enum ReviewStatus
{
    Pending,
    Assigned,
    Dismissed,
}

/// <summary>One turn, counted for stats; deliberately without the user's words.</summary>
internal sealed record TurnRecord(DateTimeOffset At, string Channel, string? Intent, Language Language, TurnOutcome Outcome);

internal sealed record AnswerRecord(string AnswerId, string ConversationKey, string Channel, string Text, string Intent, float Confidence, Language Language, DateTimeOffset At);

internal sealed record ReviewItem(long Id, string Text, Language Language, string? GuessedIntent, float Confidence, ReviewReason Reason,
    string Channel, DateTimeOffset At, ReviewStatus Status = ReviewStatus.Pending, int Count = 1);

internal sealed record UsageStats(
    DateTimeOffset Since,
    int Turns,
    int Declined,
    int LowConfidence,
    int Helpful,
    int NotHelpful,
    int Handoffs,
    IReadOnlyList<(string Intent, Language Language, int Count)> ByIntent);
