using System.Security.Cryptography;

namespace SshSupportBot.Probes;

/// <summary>OpenSSH's SHA256 fingerprint form: <c>SHA256:</c> and the unpadded base64 of the SHA-256 of the public key blob.</summary>
internal static class SshFingerprint
{
    private const string Prefix = "SHA256:";

    public static string Of(byte[] keyBlob) => Prefix + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>
    /// Reads a fingerprint as a user pastes it (with or without the <c>SHA256:</c> prefix, padded or not, perhaps with a
    /// trailing full stop from the sentence around it); null when it is not a SHA-256 fingerprint.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim().TrimEnd('.');
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }
        value = value.TrimEnd('=');
        // A SHA-256 digest is 32 bytes: 43 base64 characters without padding.
        if (value.Length != 43 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
        {
            return null;
        }
        return Prefix + value;
    }

    /// <summary>Base64 is case-sensitive, so comparison is ordinal after normalizing the form.</summary>
    public static bool AreSame(string? a, string? b) =>
        Normalize(a) is { } left && Normalize(b) is { } right && string.Equals(left, right, StringComparison.Ordinal);
}
