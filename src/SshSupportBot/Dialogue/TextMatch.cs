using SshSupportBot.Languages;
using System.Globalization;
using System.Text;
using SshSupportBot.Nlu;

namespace SshSupportBot.Dialogue;

/// <summary>
/// Compares a short user reply with a short phrase written by an admin ("yes please" with "yes", 「Mac です」 with
/// "mac"). Punctuation, emoji, width and case are ignored; Latin phrases must match whole words, Japanese ones
/// any run of characters. The score rewards a phrase that covers more of the reply, so "no idea" is closer to
/// "no idea" than to "no". Every function is linear in the reply's length, which callers keep short.
/// </summary>
internal static class TextMatch
{
    /// <summary>Replies longer than this are sentences or pastes, not answers to a question.</summary>
    public const int MaxReplyLength = 80;

    /// <summary>The reply reduced to lower-case letters, digits and single spaces.</summary>
    public static string Simplify(string text)
    {
        var normalized = TextNormalizer.Normalize(text.Length > 4 * MaxReplyLength ? text[..(4 * MaxReplyLength)] : text);
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(c == '\'' ? '\'' : c);
                space = false;
            }
            else if (char.GetUnicodeCategory(c) is not UnicodeCategory.NonSpacingMark)
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// How well <paramref name="phrase"/> (simplified) matches <paramref name="reply"/> (simplified): 1 when equal,
    /// 0.6–1 when the phrase occurs in the reply (more when it covers more of it), or the character-trigram
    /// similarity of the two (typos, unseen inflections), else 0.
    /// </summary>
    public static double Score(string reply, string phrase)
    {
        if (reply.Length == 0 || phrase.Length == 0)
        {
            return 0;
        }
        var compactReply = Compact(reply);
        var compactPhrase = Compact(phrase);
        if (compactReply == compactPhrase)
        {
            return 1;
        }
        // The square root keeps a short phrase in a hedged reply ("違うかもしれません") above the threshold.
        var contained = Occurs(reply, phrase) ? 0.6 + 0.4 * Math.Sqrt((double)compactPhrase.Length / compactReply.Length) : 0;
        return Math.Max(contained, Similarity(compactReply, compactPhrase));
    }

    /// <summary>The phrase occurs in the reply: as whole words when it is written in Latin letters, anywhere otherwise.</summary>
    public static bool Occurs(string reply, string phrase)
    {
        if (IsLatin(phrase))
        {
            var at = 0;
            while ((at = reply.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + phrase.Length;
                if ((at == 0 || !IsLatinLetter(reply[at - 1])) && (end == reply.Length || !IsLatinLetter(reply[end])))
                {
                    return true;
                }
                at++;
            }
            return false;
        }
        return Compact(reply).Contains(Compact(phrase), StringComparison.Ordinal);
    }

    private static bool IsLatin(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u024F' && c != ' ')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLatinLetter(char c) => char.IsAsciiLetterOrDigit(c) || c == '\'';

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Dice coefficient over character trigrams (bigrams for very short strings).</summary>
    private static double Similarity(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length) < 4 ? 2 : 3;
        if (a.Length < n || b.Length < n)
        {
            return 0;
        }
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= a.Length; i++)
        {
            var gram = a.Substring(i, n);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }
        var shared = 0;
        for (var i = 0; i + n <= b.Length; i++)
        {
            var gram = b.Substring(i, n);
            if (grams.TryGetValue(gram, out var count) && count > 0)
            {
                grams[gram] = count - 1;
                shared++;
            }
        }
        return 2.0 * shared / (a.Length - n + 1 + b.Length - n + 1);
    }
}
