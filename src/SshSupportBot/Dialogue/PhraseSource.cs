namespace SshSupportBot.Dialogue;

/// <summary>
/// The bot's phrases in force now. The server reads them from the model generation that is serving, because a hot
/// reload of intents/dialogue/ changes them; a channel started on its own (a test host) speaks the shipped copy.
/// </summary>
internal sealed class PhraseSource(Func<BotPhrases> current)
{
    public static readonly PhraseSource Shipped = new(() => DialogueData.Shipped.Phrases);

    public BotPhrases Current => current();
}
