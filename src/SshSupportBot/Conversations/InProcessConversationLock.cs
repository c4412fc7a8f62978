using SshSupportBot.Storage;

namespace SshSupportBot.Conversations;

/// <summary>The single-process lock: enough when one bot instance owns all conversations.</summary>
internal sealed class InProcessConversationLock : IConversationLock
{
    // Striped rather than one lock per conversation, so memory stays bounded however many conversations pass through.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
