namespace SshSupportBot.Probes;

/// <summary>
/// The key types a current OpenSSH client accepts from a server, named as <c>ssh-keygen -l</c> names them, with the
/// host-key algorithms that select each. One key of a type yields one fingerprint whichever of its algorithms signs.
/// </summary>
internal sealed record HostKeyFamily(string Name, IReadOnlyList<string> Algorithms)
{
    public static readonly HostKeyFamily Ed25519 = new("ED25519", ["ssh-ed25519"]);

    public static readonly HostKeyFamily Ecdsa = new("ECDSA", ["ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]);

    // OpenSSH clients stopped accepting SHA-1 'ssh-rsa' signatures by default, so neither do we.
    public static readonly HostKeyFamily Rsa = new("RSA", ["rsa-sha2-512", "rsa-sha2-256"]);

    public static readonly IReadOnlyList<HostKeyFamily> All = [Ed25519, Ecdsa, Rsa];
}
