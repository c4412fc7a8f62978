namespace SshSupportBot.Probes;

/// <summary>What a reachability probe found, step by step: name, TCP connection, SSH identification, host keys.</summary>
internal sealed record ReachabilityResult(
    string Host,
    int Port,
    ProbeStatus Status,
    string Detail,
    string? Address = null,
    double? ConnectMilliseconds = null,
    string? Banner = null,
    IReadOnlyDictionary<string, string>? Fingerprints = null)
{
    public IReadOnlyDictionary<string, string> HostKeys => Fingerprints ?? EmptyFingerprints;

    private static readonly IReadOnlyDictionary<string, string> EmptyFingerprints = new Dictionary<string, string>();
}
