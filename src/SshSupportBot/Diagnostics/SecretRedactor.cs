using System.Text;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Removes private keys from text before it is stored, forwarded or logged. A pasted key is already compromised, but
/// keeping a copy would spread it further. What counts as a key is <see cref="PrivateKeyDetector"/>'s decision; this
/// only cuts its ranges out, so the work is linear in the text and bounded by <see cref="PrivateKeyDetector.MaxScannedCharacters"/>.
/// </summary>
internal static class SecretRedactor
{
    public const string Placeholder = "[private key removed]";

    /// <summary>Stands for the unread rest of a text longer than the detector reads; it may have held a key.</summary>
    public const string Unread = "[…]";

    /// <param name="continuesKey">The previous message of the conversation ended inside a key, so this one may start with its rest.</param>
    public static string Redact(string text, bool continuesKey = false)
    {
        var scan = PrivateKeyDetector.Find(text, continuesKey);
        if (scan.Ranges.Count == 0 && scan.ScannedLength == text.Length)
        {
            return text;
        }
        var result = new StringBuilder(scan.ScannedLength);
        var position = 0;
        foreach (var range in scan.Ranges)
        {
            result.Append(text, position, Math.Max(0, range.Start - position)).Append(Placeholder);
            position = Math.Max(position, range.End);
        }
        result.Append(text, position, scan.ScannedLength - position);
        return scan.ScannedLength < text.Length ? result.Append(Unread).ToString() : result.ToString();
    }

    /// <summary>True when the text holds key material, not only a marker quoted in a question.</summary>
    public static bool ContainsPrivateKey(string text, bool continuesKey = false) => PrivateKeyDetector.Find(text, continuesKey).HasKeyMaterial;
}
