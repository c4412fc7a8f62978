using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SshSupportBot.Channels;

/// <summary>
/// Bounds how many requests may be between arrival and their signature or token check at once: each of them holds a
/// connection and a body buffer on the word of a stranger. A request that finds no room is refused at once with 503,
/// which the chat platforms retry, instead of queueing behind slow senders.
/// </summary>
internal sealed class UnauthenticatedRequestGate(OperationsSettings settings)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, settings.MaxUnauthenticatedRequests));

    public int Available => _slots.CurrentCount;

    /// <returns>A lease to dispose once the request is authenticated or refused; null when the gate is full.</returns>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Lease(_slots) : null;

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

internal static class RequestLimitsRegistration
{
    /// <summary>One gate for every public endpoint, whichever channel adds it first.</summary>
    public static void AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(OperationsSettings.From(configuration));
        services.TryAddSingleton<UnauthenticatedRequestGate>();
    }
}
