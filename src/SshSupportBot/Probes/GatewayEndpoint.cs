namespace SshSupportBot.Probes;

/// <summary>One login gateway the bot may probe, with the fingerprints the centre has published for it (possibly none).</summary>
internal sealed record GatewayEndpoint(string Host, int Port, IReadOnlyList<string> PublishedFingerprints)
{
    public const int DefaultPort = 22;

    /// <summary>How users write the host to <c>ssh-keygen -R</c>: OpenSSH keys non-default ports as <c>[host]:port</c>.</summary>
    public string KnownHostsName => Port == DefaultPort ? Host : $"'[{Host}]:{Port}'";

    public bool Is(string host, int port) => port == Port && NormalizeHost(host) == NormalizeHost(Host);

    /// <summary>DNS names are case-insensitive and may carry the root's trailing dot; users paste either form.</summary>
    public static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
