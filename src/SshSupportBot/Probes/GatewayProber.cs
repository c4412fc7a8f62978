namespace SshSupportBot.Probes;

/// <summary>
/// The probes as a conversation may use them: only configured gateways, never a host a user typed, and cached.
/// </summary>
internal sealed class GatewayProber
{
    private readonly ProbeCache _cache;

    public GatewayProber(GatewaySettings options, IReachabilityProbe probe, TimeProvider timeProvider)
    {
        Options = options;
        _cache = new ProbeCache(probe, timeProvider, options.CacheDuration, options.Timeout);
    }

    public GatewaySettings Options { get; }

    /// <summary>Null when the host is not a configured gateway: it is not probed.</summary>
    public async Task<ReachabilityResult?> ProbeAsync(string host, int port, CancellationToken cancellationToken) =>
        Options.Find(host, port) is { } gateway ? await _cache.GetAsync(gateway, cancellationToken) : null;

    public async Task<IReadOnlyList<ReachabilityResult>> ProbeAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(Options.Gateways.Select(g => _cache.GetAsync(g, cancellationToken)));
}
