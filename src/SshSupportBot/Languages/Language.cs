using SshSupportBot.Nlu;
using SshSupportBot.Intents;

namespace SshSupportBot.Languages;

internal enum Language
{
    Ja,
    En,
}

internal static class LanguageCodes
{
    public static string Code(this Language language) => language == Language.Ja ? "ja" : "en";

    public static string DisplayName(this Language language) => language == Language.Ja ? "Japanese" : "English";

    public static bool TryParse(string code, out Language language)
    {
        switch (code.Trim().ToLowerInvariant())
        {
            case "ja":
                language = Language.Ja;
                return true;
            case "en":
                language = Language.En;
                return true;
            default:
                language = default;
                return false;
        }
    }
}
