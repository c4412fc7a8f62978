using SshSupportBot.Intents;

namespace SshSupportBot.Nlu;

/// <summary>
/// Decides the reply language. Users often paste English error text inside a Japanese sentence, so any
/// kana, or a few kanji, mean the user writes Japanese; everything else is answered in English.
/// </summary>
internal static class LanguageDetector
{
    public static Language Detect(string text)
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

    private static bool IsKana(char c) =>
        c is >= '\u3040' and <= '\u30FF' // hiragana, katakana
        or >= '\u31F0' and <= '\u31FF'
        or >= '\uFF66' and <= '\uFF9F'; // half-width katakana

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
