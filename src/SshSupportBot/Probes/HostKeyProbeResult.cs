namespace SshSupportBot.Probes;

/// <summary>
/// The host keys a server showed, as fingerprints by key type (<c>ED25519</c>, <c>ECDSA</c>, <c>RSA</c>). A type the server
/// has no key for is simply absent; <see cref="Detail"/> explains why none could be read when the map is empty.
/// </summary>
internal sealed record HostKeyProbeResult(ProbeStatus Status, IReadOnlyDictionary<string, string> Fingerprints, string Detail);
