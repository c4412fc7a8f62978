namespace SshSupportBot.Dialogue;

/// <summary>
/// What the bot needs to hold a conversation besides the intents: how users answer, the words that steer the checks,
/// and what the bot says itself.
/// </summary>
internal sealed record DialogueData(AnswerExamples Answers, BotPhrases Phrases, FlowCommandWords Commands)
{
    public AnswerReader Reader { get; } = new(Answers);

    /// <summary>The copy of <c>intents/dialogue/</c> shipped inside the program.</summary>
    public static DialogueData Shipped => ShippedDialogue.Value;
}
