using SshSupportBot.Nlu;
using SshSupportBot.Intents;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SshSupportBot.Languages;

/// <summary>
/// Puts text into one canonical form before features are extracted, so that ＳＳＨ, ssh and SSH,
/// or ｶﾞ and ガ, are the same to the classifier.
/// </summary>
internal static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        // NFKC folds full-width ASCII and half-width katakana into their usual forms. It refuses a lone surrogate
        // (half of an emoji cut off by a client or a window), so those become U+FFFD first.
        var folded = WellFormed(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u301C' or '\uFF5E' => '~',
                '\u3000' => ' ',
                _ when char.GetUnicodeCategory(c) is UnicodeCategory.Control && c != '\n' => ' ',
                _ => c,
            });
        }
        var masked = Fingerprint().Replace(builder.ToString(), "sha256:fingerprint");
        masked = Ipv4().Replace(masked, "ipaddress");
        return Whitespace().Replace(masked, " ").Trim();
    }

    /// <summary>The text with every unpaired surrogate replaced by U+FFFD, as a UTF-8 round trip would do.</summary>
    public static string WellFormed(string text)
    {
        var bad = FirstLoneSurrogate(text);
        if (bad < 0)
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"sha256:[a-z0-9+/]{20,}=*", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
