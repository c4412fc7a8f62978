using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace SshSupportBot.Channels;

/// <summary>
/// The inbox's queue: bounded, first in first out, and never two items of one conversation out at once. An item whose
/// conversation is running waits beside it and is handed to the same worker when that finishes, so a conversation's
/// turns keep their order however many workers there are, and other conversations do not wait behind it.
/// </summary>
internal sealed class ConversationQueue<T>(int capacity, Func<T, string> conversationOf)
{
    private readonly Channel<T> _arrivals = Channel.CreateUnbounded<T>();
    private readonly Dictionary<string, Queue<T>> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Reserved or queued, not yet started; parked items count too.
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a place before the caller claims anything, so a full queue refuses without a claim left behind.</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref _waiting) <= capacity)
        {
            return true;
        }
        Interlocked.Decrement(ref _waiting);
        return false;
    }

    public void CancelReservation() => Interlocked.Decrement(ref _waiting);

    /// <summary>Queues an item into the place <see cref="TryReserve"/> took.</summary>
    public void Add(T item) => _arrivals.Writer.TryWrite(item);

    public ValueTask<bool> WaitToTakeAsync(CancellationToken cancellationToken) => _arrivals.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The oldest item whose conversation is not running; its conversation counts as running until <see cref="TryTakeNext"/> says false.</summary>
    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        // Reading and marking under one lock keeps the arrival order: no other worker can start a later item of the conversation in between.
        lock (_gate)
        {
            while (_arrivals.Reader.TryRead(out var next))
            {
                var conversation = conversationOf(next);
                if (_running.TryGetValue(conversation, out var parked))
                {
                    parked.Enqueue(next);
                    continue;
                }
                _running.Add(conversation, new Queue<T>());
                Interlocked.Decrement(ref _waiting);
                item = next;
                return true;
            }
        }
        item = default;
        return false;
    }

    /// <summary>After an item of <paramref name="conversation"/> finished: the next one of it, or false and the conversation is free.</summary>
    public bool TryTakeNext(string conversation, [MaybeNullWhen(false)] out T item)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(conversation, out var parked) && parked.TryDequeue(out item))
            {
                Interlocked.Decrement(ref _waiting);
                return true;
            }
            _running.Remove(conversation);
        }
        item = default;
        return false;
    }
}
