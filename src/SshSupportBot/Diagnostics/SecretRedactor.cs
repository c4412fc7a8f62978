using System.Text;
using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Removes private keys from text before it is stored or logged. A pasted key is already compromised, but
/// keeping a copy in our logs would spread it further. Cuts from the BEGIN marker to the END marker, or, for
/// a truncated paste, to the end of the key's base64 body.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Placeholder = "[private key removed]";

    public static string Redact(string text)
    {
        if (!ContainsPrivateKey(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, end) in KeyRanges(text))
        {
            result.Append(text, position, start - position).Append(Placeholder);
            position = end;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Where each private key (marker to end of body) sits in the text, in order.</summary>
    public static IEnumerable<(int Start, int End)> KeyRanges(string text)
    {
        if (!ContainsPrivateKey(text))
        {
            yield break;
        }
        var position = 0;
        var putty = text.IndexOf(PuttyMarker, StringComparison.Ordinal);
        while (position < text.Length)
        {
            if (putty >= 0 && putty < position)
            {
                putty = text.IndexOf(PuttyMarker, position, StringComparison.Ordinal);
            }
            var begin = FindBegin(text, position, putty, out var isPutty);
            if (begin < 0)
            {
                yield break;
            }
            position = isPutty ? EndOfPuttyKey(text, begin) : EndOfPemKey(text, begin);
            yield return (begin, position);
        }
    }

    /// <summary>True when a key range holds key material, not just a marker quoted in a question.</summary>
    public static bool HasKeyMaterial(string text, (int Start, int End) range)
    {
        var run = 0;
        for (var i = range.Start; i < range.End; i++)
        {
            var c = text[i];
            run = char.IsAsciiLetterOrDigit(c) || c is '+' or '/' ? run + 1 : 0;
            if (run >= 40)
            {
                return true;
            }
        }
        return false;
    }

    public static bool ContainsPrivateKey(string text) =>
        text.Contains("PRIVATE KEY-----", StringComparison.Ordinal) || text.Contains(PuttyMarker, StringComparison.Ordinal);

    private const string PuttyMarker = "PuTTY-User-Key-File-";

    private static int IndexWithin(string text, string value, int start, int length) =>
        start >= text.Length ? -1 : text.IndexOf(value, start, Math.Clamp(length, 0, text.Length - start), StringComparison.Ordinal);

    // Every search below is bounded (by a length or by the next key's marker), so a paste full of markers stays linear.
    private static int FindBegin(string text, int from, int putty, out bool isPutty)
    {
        var pem = from;
        while (true)
        {
            pem = text.IndexOf("-----BEGIN ", pem, StringComparison.Ordinal);
            if (pem < 0)
            {
                break;
            }
            var close = IndexWithin(text, "-----", pem + 11, 80);
            if (close > 0 && text.AsSpan(pem, close - pem).EndsWith("PRIVATE KEY", StringComparison.Ordinal))
            {
                break;
            }
            pem += 11;
        }
        isPutty = putty >= 0 && (pem < 0 || putty < pem);
        return isPutty ? putty : pem;
    }

    private static int EndOfPemKey(string text, int begin)
    {
        var afterMarker = IndexWithin(text, "-----", begin + 11, 80) + 5;
        var nextBegin = text.IndexOf("-----BEGIN ", afterMarker, StringComparison.Ordinal);
        var end = IndexWithin(text, "-----END ", afterMarker, (nextBegin < 0 ? text.Length : nextBegin) - afterMarker);
        if (end >= 0)
        {
            var close = IndexWithin(text, "-----", end + 9, 80);
            if (close > 0)
            {
                return close + 5;
            }
        }
        return EndOfBody(text, afterMarker);
    }

    // PuTTY keys are "Name: value" lines followed by base64 lines and end with a Private-MAC line.
    private static int EndOfPuttyKey(string text, int begin)
    {
        var mac = IndexWithin(text, "Private-MAC:", begin, 20_000);
        if (mac >= 0)
        {
            var lineEnd = text.IndexOfAny(['\r', '\n'], mac);
            return lineEnd < 0 ? text.Length : lineEnd;
        }
        return EndOfBody(text, begin);
    }

    /// <summary>
    /// Without an END marker, the key runs as long as the lines look like base64 or "Name: value" headers; a blank
    /// line is part of it only right after the headers (as in encrypted PEM), otherwise it ends the key.
    /// </summary>
    private static int EndOfBody(string text, int from)
    {
        var position = from;
        var end = from;
        var afterHeaders = true;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOfAny(['\r', '\n'], position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }
            var line = text.AsSpan(position, lineEnd - position).Trim();
            var header = line.Length > 0 && IsHeader(line);
            var keep = line.Length == 0 ? afterHeaders : header || IsBase64(line);
            if (!keep)
            {
                break;
            }
            afterHeaders = header || (line.Length == 0 && afterHeaders);
            end = lineEnd;
            position = lineEnd + 1;
            if (position < text.Length && text[lineEnd] == '\r' && text[position] == '\n')
            {
                position++;
            }
        }
        return end;
    }

    // Key bodies are long base64 lines (64 or 70 characters, or one long line when a chat client joined them);
    // only the final line is short. A short word such as "thanks" after a truncated key is not part of it.
    private static bool IsBase64(ReadOnlySpan<char> line)
    {
        var spaces = false;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                spaces = true;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }
        }
        return spaces ? line.Length >= 60 : line.Length >= 16 || line.EndsWith("=");
    }

    private static bool IsHeader(ReadOnlySpan<char> line) => HeaderLine().IsMatch(line);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{1,40}: .{0,200}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex HeaderLine();
}
