namespace SshSupportBot.Tests.Diagnostics;

/// <summary>
/// Private-key-shaped test data. The bodies are seeded random base64, not real keys, so no secret scanner
/// (or reader) mistakes the repository for a leak; the analyzers only look at the shape.
/// </summary>
internal static class PrivateKeys
{
    public static readonly string OpenSsh = Pem("OPENSSH PRIVATE KEY", 1, 7);
    public static readonly string Rsa = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,2AF25325A9B286BBBB71E4E1C5E9F5D0\n\n" + Body(2, 20) + "-----END RSA PRIVATE KEY-----";
    public static readonly string Ec = Pem("EC PRIVATE KEY", 3, 4);
    public static readonly string Dsa = Pem("DSA PRIVATE KEY", 4, 10);
    public static readonly string Pkcs8 = Pem("PRIVATE KEY", 5, 12);
    public static readonly string EncryptedPkcs8 = Pem("ENCRYPTED PRIVATE KEY", 6, 12);

    public static readonly string Putty =
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: taro@MINIPC\nPublic-Lines: 2\n" + Body(7, 2) +
        "Private-Lines: 1\n" + Body(8, 1) + "Private-MAC: 8f3e9c0d1b2a4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f";

    /// <summary>A paste cut off before the END line, as happens with chat length limits.</summary>
    public static readonly string Truncated = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Body(9, 4).TrimEnd('\n');

    public static IEnumerable<string> All() => [OpenSsh, Rsa, Ec, Dsa, Pkcs8, EncryptedPkcs8, Putty, Truncated];

    /// <summary>The secret lines of a key: everything but its markers and headers.</summary>
    public static IEnumerable<string> SecretLines(string key) =>
        key.Split('\n').Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal) && !l.Contains(": ", StringComparison.Ordinal));

    private static string Pem(string label, int seed, int lines) => $"-----BEGIN {label}-----\n{Body(seed, lines)}-----END {label}-----";

    private static string Body(int seed, int lines)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, lines).Select(_ => new string(Enumerable.Range(0, 64).Select(_ => alphabet[random.Next(64)]).ToArray()) + "\n"));
    }
}
