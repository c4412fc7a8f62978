using SshSupportBot.Conversations;

namespace SshSupportBot.Storage;

/// <summary>The outbox of a process without a durable store (channel tests, a bot without storage): the same rules, lost on restart.</summary>
internal sealed class InMemoryTurnOutbox(TimeProvider time, OutboxTiming? timing = null) : ITurnOutbox
{
    private sealed record Entry(string? Address, IReadOnlyList<BotReply>? Replies, DateTimeOffset Touched, bool Sent);

    private readonly OutboxTiming _timing = timing ?? OutboxTiming.From(new StorageSettings());
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _claimsSinceForget;

    public Task<OutboxClaim> ClaimAsync(string eventKey, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Forget answered events now and then rather than scanning the map on every claim.
            if (++_claimsSinceForget % 256 == 0)
            {
                Forget(now);
            }
            var claim = _entries.GetValueOrDefault(eventKey) switch
            {
                null => new OutboxClaim(OutboxDecision.Answer),
                { Sent: true } => new OutboxClaim(OutboxDecision.Done),
                { Replies: { } replies } e when e.Touched <= now - _timing.ResendAfter => new OutboxClaim(OutboxDecision.Resend, replies),
                { Replies: null } e when e.Touched <= now - _timing.ClaimLease => new OutboxClaim(OutboxDecision.Retake),
                _ => new OutboxClaim(OutboxDecision.InProgress),
            };
            if (claim.Decision is OutboxDecision.Answer or OutboxDecision.Retake or OutboxDecision.Resend)
            {
                _entries[eventKey] = new Entry(address, claim.Replies, now, false);
            }
            return Task.FromResult(claim);
        }
    }

    public Task RecordAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entry = _entries.GetValueOrDefault(record.EventKey);
            if (entry is not { Sent: true })
            {
                _entries[record.EventKey] = new Entry(entry?.Address, record.Replies, time.GetUtcNow(), false);
            }
        }
        return Task.CompletedTask;
    }

    public Task MarkSentAsync(string eventKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries[eventKey] = new Entry(null, null, time.GetUtcNow(), true);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var due = _entries
                .Where(e => e.Value is { Sent: false, Address: not null, Replies: not null } && e.Value.Touched <= now - _timing.ClaimLease)
                .Take(max)
                .Select(e => new PendingDelivery(e.Key, e.Value.Address!, e.Value.Replies!))
                .ToList();
            foreach (var pending in due)
            {
                _entries[pending.EventKey] = _entries[pending.EventKey] with { Touched = now };
            }
            return Task.FromResult<IReadOnlyList<PendingDelivery>>(due);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var key in _entries.Where(e => e.Value.Touched < now - _timing.Retention).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }
    }
}
