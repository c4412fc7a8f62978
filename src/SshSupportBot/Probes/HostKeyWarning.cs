namespace SshSupportBot.Probes;

/// <summary>Which OpenSSH message the user pasted; it decides the intent and what the user should do next.</summary>
internal enum HostKeyWarning
{
    /// <summary>"REMOTE HOST IDENTIFICATION HAS CHANGED!": known_hosts holds another key for the host.</summary>
    Changed,

    /// <summary>"The authenticity of host … can't be established": the first connection, asking to trust the key.</summary>
    FirstConnection,
}
