namespace SshSupportBot.Dialogue;

/// <summary>What the bot needs to hold a conversation besides the intents: how users answer, and what the bot says itself.</summary>
internal sealed record DialogueData(AnswerExamples Answers, BotPhrases Phrases)
{
    public AnswerReader Reader { get; } = new(Answers);

    /// <summary>The copy of <c>intents/dialogue/</c> shipped inside the program.</summary>
    public static DialogueData Shipped => ShippedDialogue.Value;
}
