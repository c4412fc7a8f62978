namespace SshSupportBot.Diagnostics;

/// <summary>
/// Tells a private key's base64 body from any other base64 by decoding its first bytes: a key copied without its
/// BEGIN and END lines is still recognisable, while public keys, certificates and fingerprints are not private.
/// </summary>
internal static class PrivateKeyStructure
{
    /// <summary>Enough base64 to see every structure below; reading more would not change the answer.</summary>
    public const int PrefixCharacters = 32;

    private static ReadOnlySpan<byte> OpenSshMagic => "openssh-key-v1\0"u8;

    // ssh.com / RFC 4716 private keys (PuTTYgen "Export ssh.com key") start with this 32-bit magic number.
    private static ReadOnlySpan<byte> SshComMagic => [0x3f, 0x6f, 0xf9, 0xeb];

    // PKCS#5 (PBES1/PBES2) and PKCS#12 PBE algorithm identifiers: 1.2.840.113549.1.5.* and 1.2.840.113549.1.12.1.*.
    private static ReadOnlySpan<byte> PkcsOidPrefix => [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01];

    /// <summary>
    /// True when the base64 starting at <paramref name="start"/> (line breaks and spaces between its lines allowed)
    /// decodes to the start of a private key: openssh-key-v1, ssh.com, PKCS#1 RSA or DSA, PKCS#8 (plain or
    /// encrypted) or SEC1 EC. Reads at most <see cref="PrefixCharacters"/> base64 characters.
    /// </summary>
    public static bool StartsPrivateKey(string text, int start)
    {
        Span<char> chars = stackalloc char[PrefixCharacters];
        var count = 0;
        var gap = 0;
        for (var i = start; i < text.Length && count < PrefixCharacters; i++)
        {
            var c = text[i];
            if (Base64Text.IsBase64Char(c) && c != '=')
            {
                chars[count++] = c;
                gap = 0;
            }
            else if (Base64Text.IsSpace(c) && ++gap <= 4)
            {
                continue;
            }
            else
            {
                break;
            }
        }
        count -= count % 4;
        if (count < 16)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[PrefixCharacters / 4 * 3];
        if (!Convert.TryFromBase64Chars(chars[..count], bytes, out var length))
        {
            return false;
        }
        return IsPrivateKeyPrefix(bytes[..length]);
    }

    public static bool IsPrivateKeyPrefix(ReadOnlySpan<byte> b) =>
        b.StartsWith(OpenSshMagic) || b.StartsWith(SshComMagic) || IsPrivateDer(b);

    private static bool IsPrivateDer(ReadOnlySpan<byte> b)
    {
        if (b.Length < 8 || b[0] != 0x30 || SkipLength(b, 1) is not { } body || body + 4 > b.Length)
        {
            return false;
        }
        var content = b[body..];
        // version INTEGER 0 followed by INTEGER (PKCS#1 RSA, OpenSSL DSA) or by the algorithm SEQUENCE (PKCS#8 v1);
        // version 1 followed by the algorithm (PKCS#8 v2) or by the key OCTET STRING (SEC1 EC).
        if (content is [0x02, 0x01, 0x00, 0x02 or 0x30, ..] || content is [0x02, 0x01, 0x01, 0x30 or 0x04, ..])
        {
            return true;
        }
        // EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE { OID pkcs5/pkcs12 PBE, … }, OCTET STRING }.
        if (content is [0x30, ..] && SkipLength(content, 1) is { } inner && inner + 2 + PkcsOidPrefix.Length < content.Length
            && content[inner] == 0x06 && content[(inner + 2)..].StartsWith(PkcsOidPrefix))
        {
            var arc = content[inner + 2 + PkcsOidPrefix.Length];
            return arc is 0x05 or 0x0c;
        }
        return false;
    }

    /// <summary>The offset after a DER length that starts at <paramref name="at"/>; null for lengths no key has.</summary>
    private static int? SkipLength(ReadOnlySpan<byte> b, int at) =>
        at >= b.Length ? null
        : b[at] < 0x80 ? at + 1
        : b[at] is >= 0x81 and <= 0x83 ? at + 1 + (b[at] - 0x80)
        : null;
}
