using System.Collections.Concurrent;

namespace SshSupportBot.Probes;

/// <summary>
/// Keeps each gateway's probe result for a short while, so a busy channel asking "is it down?" does not hammer the
/// gateways. Callers arriving while a probe runs share it instead of starting another.
/// </summary>
internal sealed class ProbeCache(IReachabilityProbe probe, TimeProvider timeProvider, TimeSpan duration, TimeSpan timeout)
{
    private readonly ConcurrentDictionary<(string Host, int Port), Entry> _entries = new();

    public async Task<ReachabilityResult> GetAsync(GatewayEndpoint gateway, CancellationToken cancellationToken)
    {
        var key = (GatewayEndpoint.NormalizeHost(gateway.Host), gateway.Port);
        var now = timeProvider.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            _ => Start(gateway, now),
            (_, existing) => now - existing.Started < duration ? existing : Start(gateway, now));
        try
        {
            return await entry.Result.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new ReachabilityResult(gateway.Host, gateway.Port, ProbeStatus.Error, "the probe was cancelled");
        }
        catch (Exception e)
        {
            // Probes report failures as results; this only guards a conversation against a bug in one.
            return new ReachabilityResult(gateway.Host, gateway.Port, ProbeStatus.Error, e.Message);
        }
    }

    // The shared probe runs under its own timeout, not a caller's token: one caller leaving must not cancel it for the others.
    private Entry Start(GatewayEndpoint gateway, DateTimeOffset now) =>
        new(now, probe.ProbeAsync(gateway.Host, gateway.Port, timeout, CancellationToken.None));

    private sealed record Entry(DateTimeOffset Started, Task<ReachabilityResult> Result);
}
