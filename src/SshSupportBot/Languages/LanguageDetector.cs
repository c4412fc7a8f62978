using SshSupportBot.Nlu;
using SshSupportBot.Intents;

namespace SshSupportBot.Languages;

/// <summary>
/// Decides the reply language. Users often paste English error text inside a Japanese sentence, so any
/// kana, or a few kanji, mean the user writes Japanese; everything else is answered in English.
/// </summary>
internal static class LanguageDetector
{
    public static Language Detect(string text)
    {
        // The user's own words decide, not a message their system printed: an English sentence around a Japanese
        // Windows or Tera Term message is English. A message that is nothing but a paste is judged whole.
        var prose = Prose(text);
        return prose.Any(char.IsLetter) ? ByScript(prose) : ByScript(text);
    }

    private static Language ByScript(string text)
    {
        var kanji = 0;
        foreach (var c in text)
        {
            if (IsKana(c))
            {
                return Language.Ja;
            }
            if (IsKanji(c) && ++kanji >= 2)
            {
                return Language.Ja;
            }
        }
        return Language.En;
    }

    /// <summary>The text without fenced code blocks and without lines that are program output (a Windows path, ssh's debug and banner lines).</summary>
    private static string Prose(string text)
    {
        if (!text.Contains('\n') && !text.Contains("```", StringComparison.Ordinal))
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length);
        var fenced = false;
        foreach (var part in text.Split("```"))
        {
            if (!fenced)
            {
                foreach (var line in part.Split('\n'))
                {
                    if (!IsOutput(line))
                    {
                        kept.Append(line).Append('\n');
                    }
                }
            }
            fenced = !fenced;
        }
        return kept.ToString();
    }

    private static bool IsOutput(string line) =>
        line.Contains(":\\", StringComparison.Ordinal) || line.Contains(":/", StringComparison.Ordinal)
        || line.StartsWith("debug", StringComparison.Ordinal) || line.StartsWith('@') || line.StartsWith('[') || line.StartsWith('>');

    private static bool IsKana(char c) =>
        c is >= '\u3040' and <= '\u30FF' // hiragana, katakana
        or >= '\u31F0' and <= '\u31FF'
        or >= '\uFF66' and <= '\uFF9F'; // half-width katakana

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
