namespace SshSupportBot.Common;

/// <summary>
/// How long a stopping server gives turns it has already acknowledged. Kept below Kubernetes' and compose's 30 s
/// grace so the process exits on its own before SIGKILL.
/// </summary>
internal static class ShutdownGrace
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // A little less than the host's own bound, so workers give up before the host abandons them.
    private static readonly TimeSpan TurnBound = Timeout - TimeSpan.FromSeconds(2);

    /// <summary>A token for in-flight turns: it stays live when <paramref name="stopping"/> fires and is cancelled a bounded time later.</summary>
    public static CancellationTokenSource ForTurns(CancellationToken stopping)
    {
        var grace = new CancellationTokenSource();
        stopping.Register(() =>
        {
            try
            {
                grace.CancelAfter(TurnBound);
            }
            catch (ObjectDisposedException)
            {
                // The worker already finished and disposed it.
            }
        });
        return grace;
    }

    /// <summary>
    /// A worker's whole life: take queued items until the host stops, then finish what was already acknowledged
    /// within the grace, so a turn taken from the platform is not silently lost on shutdown.
    /// </summary>
    public static async Task ConsumeAsync<T>(System.Threading.Channels.ChannelReader<T> reader, Func<T, CancellationToken, Task> handle, CancellationToken stopping)
    {
        using var grace = ForTurns(stopping);
        try
        {
            await foreach (var item in reader.ReadAllAsync(stopping))
            {
                await handle(item, grace.Token);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        await DrainAsync(reader, handle, grace.Token);
    }

    /// <summary>Finishes what is still queued after <paramref name="stopping"/> fired, until the grace runs out.</summary>
    public static async Task DrainAsync<T>(System.Threading.Channels.ChannelReader<T> reader, Func<T, CancellationToken, Task> handle, CancellationToken grace)
    {
        try
        {
            while (!grace.IsCancellationRequested && reader.TryRead(out var item))
            {
                await handle(item, grace);
            }
        }
        catch (OperationCanceledException) when (grace.IsCancellationRequested)
        {
        }
    }
}
