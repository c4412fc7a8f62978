using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>
/// The feedback store behind the redaction gate: every text written (answers, review items, audit details) passes
/// <see cref="StoredText"/>, whoever the caller; texts read back pass it again, so entries kept by an older release
/// never reach <c>review --list</c>, <c>admin unanswered</c> or a hand-off unredacted.
/// </summary>
internal sealed class RedactedFeedbackStore(IFeedbackStore inner, StoredText storedText) : IFeedbackStore
{
    public Task RecordTurnAsync(TurnRecord turn, CancellationToken cancellationToken) => inner.RecordTurnAsync(turn, cancellationToken);

    public Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken) =>
        inner.RememberAnswerAsync(answer with { Text = storedText.Redact(answer.Text) }, cancellationToken);

    public async Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken) =>
        Redacted(await inner.FindAnswerAsync(answerId, cancellationToken));

    public async Task<AnswerRecord?> LastAnswerAsync(string conversationKey, CancellationToken cancellationToken) =>
        Redacted(await inner.LastAnswerAsync(conversationKey, cancellationToken));

    public Task<bool> RecordFeedbackAsync(string answerId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RecordFeedbackAsync(answerId, helpful, at, cancellationToken);

    public Task<long> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(item with { Text = storedText.Redact(item.Text) }, cancellationToken);

    public async Task<IReadOnlyList<ReviewItem>> PendingAsync(CancellationToken cancellationToken) =>
        (await inner.PendingAsync(cancellationToken)).Select(i => i with { Text = storedText.Redact(i.Text) }).ToList();

    public async Task<ReviewItem?> FindItemAsync(long id, CancellationToken cancellationToken) =>
        await inner.FindItemAsync(id, cancellationToken) is { } item ? item with { Text = storedText.Redact(item.Text) } : null;

    public Task<int> ResolveAsync(long id, ReviewStatus status, string? intent, string actor, CancellationToken cancellationToken) =>
        inner.ResolveAsync(id, status, intent, actor, cancellationToken);

    public Task AuditAsync(string actor, string action, string detail, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.AuditAsync(actor, action, storedText.Redact(detail), at, cancellationToken);

    public Task<UsageStats> StatsAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.StatsAsync(since, cancellationToken);

    private AnswerRecord? Redacted(AnswerRecord? answer) => answer is null ? null : answer with { Text = storedText.Redact(answer.Text) };
}
