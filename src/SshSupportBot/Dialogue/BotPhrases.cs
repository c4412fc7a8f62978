using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Intents;

namespace SshSupportBot.Dialogue;

/// <summary>
/// The bot's own sentences, by key, from <c>intents/dialogue/phrases.yaml</c>: admins change how the bot declines,
/// hands off or closes the checks without touching code. A key missing from the admins' file falls back to the
/// copy shipped inside the program, so a half-edited file never leaves the bot speechless.
/// </summary>
internal sealed class BotPhrases(IReadOnlyDictionary<string, BilingualText> phrases, BotPhrases? fallback = null)
{
    public IReadOnlyDictionary<string, BilingualText> All => phrases;

    public string Get(string key, Language language, params (string Name, string Value)[] values)
    {
        var text = phrases.TryGetValue(key, out var phrase) ? phrase.For(language)
            : fallback?.Get(key, language) ?? throw new KeyNotFoundException($"The bot has no phrase '{key}' (intents/dialogue/phrases.yaml).");
        if (values.Length == 0)
        {
            return text;
        }
        var result = new StringBuilder(text);
        foreach (var (name, value) in values)
        {
            result.Replace("{" + name + "}", value);
        }
        return result.ToString();
    }

    public BilingualText Both(string key, params (string Name, string Value)[] values) =>
        new(Get(key, Language.Ja, values), Get(key, Language.En, values));

    /// <summary>
    /// One message in both languages, for words said before the user's language is known (an acknowledgement, an
    /// apology after a failure, a welcome).
    /// </summary>
    public string InBothLanguages(string key, string separator) => Get(key, Language.Ja) + separator + Get(key, Language.En);

    /// <summary>Both languages, where a value is itself a phrase and so differs by language.</summary>
    public BilingualText Both(string key, Func<Language, (string Name, string Value)[]> values) =>
        new(Get(key, Language.Ja, values(Language.Ja)), Get(key, Language.En, values(Language.En)));
}
