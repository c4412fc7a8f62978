namespace SshSupportBot.Intents;

internal sealed record BilingualText(string Ja, string En)
{
    public string For(Language language) => language == Language.Ja ? Ja : En;
}
