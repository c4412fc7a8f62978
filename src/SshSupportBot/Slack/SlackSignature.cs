using System.Security.Cryptography;
using System.Text;

namespace SshSupportBot.Slack;

internal enum SignatureCheck
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    StaleTimestamp,
    Mismatch,
}

/// <summary>Slack's request signing: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with the signing secret.</summary>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Slack's window: older requests may be replays, newer ones come from a wrong clock or a forger.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret))
        {
            throw new ArgumentException("A signing secret is required; requests are never accepted unverified.", nameof(signingSecret));
        }
        if (CheckHeaders(timestamp, signature, now) is var headers and not SignatureCheck.Valid)
        {
            return headers;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp!, body));
        var given = Encoding.ASCII.GetBytes(signature!.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>
    /// What can be judged without the body: both headers present, a fresh timestamp, a signature of the right shape.
    /// Checked before a body is read, so a request that can never pass costs nothing to refuse.
    /// </summary>
    /// <returns><see cref="SignatureCheck.Valid"/> when the request is worth reading; the reason otherwise.</returns>
    public static SignatureCheck CheckHeaders(string? timestamp, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return SignatureCheck.MissingHeaders;
        }
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > MaxSkew)
        {
            return SignatureCheck.StaleTimestamp;
        }
        // "v0=" and a hex SHA-256: anything else cannot match.
        return signature.Trim() is { Length: 67 } s && s.StartsWith("v0=", StringComparison.Ordinal) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return "v0=" + Convert.ToHexStringLower(hash);
    }
}
