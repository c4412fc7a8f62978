using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SshSupportBot.Nlu;

/// <summary>
/// Puts text into one canonical form before features are extracted, so that ＳＳＨ, ssh and SSH,
/// or ｶﾞ and ガ, are the same to the classifier.
/// </summary>
internal static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        // NFKC folds full-width ASCII and half-width katakana into their usual forms.
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
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

    [GeneratedRegex(@"sha256:[a-z0-9+/]{20,}=*", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
