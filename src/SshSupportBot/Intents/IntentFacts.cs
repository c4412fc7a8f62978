using SshSupportBot.Languages;
using SshSupportBot.Nlu;

namespace SshSupportBot.Intents;

/// <summary>
/// Picks the fact a narrow question asks about: the question must name exactly one of the intent's facts. A word
/// inside a longer word of another fact does not count (<c>id_ed25519</c> inside <c>id_ed25519.pub</c>).
/// </summary>
internal static class IntentFacts
{
    /// <summary>Longer text is a paste or a story, not a narrow question.</summary>
    public const int MaxQuestionLength = 200;

    public static IntentFact? Asked(IntentDefinition intent, string question)
    {
        if (intent.Facts.Count == 0 || question.Length > MaxQuestionLength)
        {
            return null;
        }
        var text = TextNormalizer.Normalize(question);
        var mentions = new List<(int Start, int End, IntentFact Fact)>();
        foreach (var fact in intent.Facts)
        {
            foreach (var word in fact.About.Select(TextNormalizer.Normalize).Where(w => w.Length > 0))
            {
                for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    if (StandsAlone(text, at, word.Length))
                    {
                        mentions.Add((at, at + word.Length, fact));
                    }
                }
            }
        }
        var named = mentions
            .Where(m => !mentions.Any(o => o.Fact != m.Fact && o.Start <= m.Start && o.End >= m.End && o.End - o.Start > m.End - m.Start))
            .Select(m => m.Fact)
            .Distinct()
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>An ASCII word must not run on into letters ("config" is not inside "sshd_config" or "configure").</summary>
    private static bool StandsAlone(string text, int start, int length)
    {
        var end = start + length;
        return !(start > 0 && IsWordChar(text[start - 1]) && IsWordChar(text[start]))
            && !(end < text.Length && IsWordChar(text[end]) && IsWordChar(text[end - 1]));
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
