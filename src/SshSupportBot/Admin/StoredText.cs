using System.Text;
using System.Text.RegularExpressions;
using SshSupportBot.Diagnostics;

namespace SshSupportBot.Admin;

/// <summary>
/// The one redaction gate: what may be kept or forwarded of a user's words (stored answers, the review queue, audit
/// details, hand-off posts). Private keys removed, IP addresses and configured account names masked.
/// <see cref="RedactedFeedbackStore"/> applies it to everything the feedback store writes or reads back.
/// </summary>
internal sealed partial class StoredText(ReviewSettings settings)
{
    public const string IpPlaceholder = "[ip]";
    public const string AccountPlaceholder = "[account]";
    public const int MaxLength = 2000;

    /// <summary>Long enough for a hand-off summary, which quotes a question, a request and the findings.</summary>
    public const int MaxForwardedLength = 8000;

    public const string Withheld = "[text withheld: it could not be checked in time]";

    // A configured pattern that never finishes must not stop a turn: past the timeout nothing of the text is kept.
    private static readonly TimeSpan AccountPatternTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex[] _accounts = settings.MaskAccounts
        .Select(p => new Regex(p, RegexOptions.CultureInvariant, AccountPatternTimeout))
        .ToArray();

    /// <param name="heldPrivateKey">
    /// The turn was known to hold a private key (perhaps the middle of one split over messages): besides what the
    /// detector finds, every long base64 word goes too.
    /// </param>
    public string Redact(string text, bool heldPrivateKey = false, int maxLength = MaxLength)
    {
        var redacted = SecretRedactor.Redact(text, continuesKey: heldPrivateKey);
        if (heldPrivateKey)
        {
            redacted = RemoveLongBase64Words(redacted);
        }
        try
        {
            redacted = Ipv4().Replace(redacted, IpPlaceholder);
            redacted = Ipv6().Replace(redacted, IpPlaceholder);
            foreach (var account in _accounts)
            {
                redacted = account.Replace(redacted, AccountPlaceholder);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Whatever could not be checked in time is not kept.
            return Withheld;
        }
        return redacted.Length > maxLength ? redacted[..maxLength] + "…" : redacted;
    }

    private static string RemoveLongBase64Words(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && Base64Text.IsBase64Char(text[i]))
            {
                i++;
            }
            if (i - start >= 16)
            {
                result.Append(SecretRedactor.Placeholder);
            }
            else
            {
                result.Append(text, start, i - start);
            }
            if (i < text.Length && i == start)
            {
                result.Append(text[i]);
                i++;
            }
        }
        return result.ToString();
    }

    // Both address patterns only repeat bounded groups, so each match attempt reads a bounded stretch: linear in the text.
    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Ipv4();

    // Only with '::' or all eight groups, so that times like 12:30:45 stay readable.
    [GeneratedRegex(@"(?<![\w:])(?=[0-9a-fA-F:]{0,37}::|(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4})[0-9a-fA-F:]{3,39}(?![\w:])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Ipv6();
}
