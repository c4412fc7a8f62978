using SshSupportBot.Nlu;
using SshSupportBot.Intents;

namespace SshSupportBot.Languages;

internal sealed record BilingualText(string Ja, string En)
{
    public string For(Language language) => language == Language.Ja ? Ja : En;
}
