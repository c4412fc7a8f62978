namespace SshSupportBot.Probes;

/// <summary>Seam for the cache and the verifier, so tests can count how often the network is really touched.</summary>
internal interface IReachabilityProbe
{
    /// <summary>Never throws: every failure, including cancellation, comes back as a result.</summary>
    Task<ReachabilityResult> ProbeAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken);
}
