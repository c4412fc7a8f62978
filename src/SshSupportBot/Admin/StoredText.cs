using System.Text.RegularExpressions;
using SshSupportBot.Diagnostics;

namespace SshSupportBot.Admin;

/// <summary>
/// What may be kept of a user's words: private keys removed, IP addresses and configured account names masked.
/// Everything the admin features store passes through here first.
/// </summary>
internal sealed partial class StoredText(ReviewSettings settings)
{
    public const string IpPlaceholder = "[ip]";
    public const string AccountPlaceholder = "[account]";

    private readonly Regex[] _accounts = settings.MaskAccounts
        .Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
        .ToArray();

    public string Redact(string text)
    {
        var redacted = SecretRedactor.Redact(text);
        redacted = Ipv4().Replace(redacted, IpPlaceholder);
        redacted = Ipv6().Replace(redacted, IpPlaceholder);
        foreach (var account in _accounts)
        {
            redacted = account.Replace(redacted, AccountPlaceholder);
        }
        return redacted.Length > 2000 ? redacted[..2000] + "…" : redacted;
    }

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")]
    private static partial Regex Ipv4();

    // Only with '::' or all eight groups, so that times like 12:30:45 stay readable.
    [GeneratedRegex(@"(?<![\w:])(?=[0-9a-fA-F:]*::|(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4})[0-9a-fA-F:]{3,39}(?![\w:])")]
    private static partial Regex Ipv6();
}
