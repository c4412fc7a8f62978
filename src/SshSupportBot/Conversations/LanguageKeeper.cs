using SshSupportBot.Languages;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Conversations;

/// <summary>
/// Keeps a conversation in its language. Users write option names, commands, host names and pasted English output
/// inside Japanese conversations, so only clear evidence changes the language: Japanese text in an English
/// conversation, or a real English sentence (several words, including everyday ones such as "I", "my", "how")
/// with no Japanese in a Japanese one. Lines that look like program output or commands are never evidence.
/// </summary>
internal static class LanguageKeeper
{
    private const int MinEnglishWords = 4;

    private static readonly HashSet<string> EverydayWords = new(StringComparer.Ordinal)
    {
        "i", "i'm", "im", "i've", "i'd", "my", "me", "you", "your", "we", "our", "how", "what", "why", "where", "when", "which",
        "can", "can't", "cannot", "could", "should", "would", "please", "thanks", "thank", "is", "are", "was", "do", "does",
        "did", "don't", "doesn't", "didn't", "it", "it's", "this", "that", "the", "a", "an", "not", "still", "but", "and",
        "have", "has", "get", "got", "want", "need", "help", "there", "any", "actually", "to", "with", "on", "in", "for",
    };

    public static Language Choose(Language? current, string text, bool pressedButton)
    {
        if (current is { } known && pressedButton)
        {
            return known;
        }
        var prose = ProseLines(text);
        var japanese = JapaneseEvidence(text);
        if (current is null)
        {
            return japanese || LanguageDetector.Detect(text) == Language.Ja ? Language.Ja : Language.En;
        }
        if (japanese)
        {
            return Language.Ja;
        }
        return current == Language.Ja && !IsEnglishSentence(prose) ? Language.Ja : Language.En;
    }

    private static List<string> ProseLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var prose = lines.Where(IsProse).ToList();
        // A paste with a line or two of ssh's own English ("Please contact your system administrator") is still a paste.
        return lines.Length > 2 && prose.Count * 2 < lines.Length ? [] : prose;
    }

    private static bool IsProse(string line) =>
        line.Length <= 400 && line.IndexOfAny(['@', ':', '/', '\\', '=', '[', ']', '`', '$', '#', '~', '|', '<', '>', '{', '}']) < 0
        && !line.StartsWith('-') && !IsShouting(line);

    // ssh's warnings shout ("IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!"); people rarely do.
    private static bool IsShouting(string line) => line.Count(char.IsAsciiLetterUpper) >= 5 && !line.Any(char.IsAsciiLetterLower);

    // ssh and the other clients print no Japanese (a Japanese Windows or Tera Term message is the user's own language too).
    private static bool JapaneseEvidence(string text)
    {
        var count = 0;
        var limit = Math.Min(text.Length, 20_000);
        for (var i = 0; i < limit; i++)
        {
            if (text[i] is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uFF66' and <= '\uFF9F' && ++count >= 2)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsEnglishSentence(List<string> prose)
    {
        foreach (var line in prose)
        {
            var words = TextNormalizer.Normalize(line).Split([' ', ',', '.', '!', '?', ';'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.All(c => char.IsAsciiLetter(c) || c == '\''))
                .ToList();
            if (words.Count >= MinEnglishWords && words.Count(EverydayWords.Contains) >= 2)
            {
                return true;
            }
        }
        return false;
    }
}
