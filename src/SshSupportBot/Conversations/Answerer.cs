using System.Text;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Conversations;

/// <summary>
/// Answers one message on its own: the analyzers read what was pasted, the classifier names the intent, and
/// the knowledge base gives the words. Stateless; the conversation engine adds flows on top.
/// </summary>
internal sealed class Answerer(IntentClassifier classifier, Diagnostician diagnostician, BotSettings settings, ClassifierSettings classifierSettings)
{
    /// <summary>The intent of the bot's own replies (feedback thanks, hand-off notes, "OK"), which no classifier produced.</summary>
    public const string BotIntent = "bot";

    /// <summary>A follow-up is read with the topic in mind only when the topic (or a related intent) is among the model's best few guesses.</summary>
    private const int FollowUpRank = 3;
    private const float FollowUpFloor = 0.08f;
    private const float PersonFloor = 0.25f;
    private const int MaxPersonRequestLength = 300;

    public KnowledgeBase KnowledgeBase => classifier.KnowledgeBase;

    private Dialogue.BotPhrases Phrases => KnowledgeBase.Dialogue.Phrases;

    public string Contact(Language language) => language == Language.Ja ? settings.AdminContactJa : settings.AdminContactEn;

    public IReadOnlyList<Finding> Diagnose(string text) => diagnostician.Diagnose(PasteWindow.Trim(text));

    /// <summary>
    /// "I want to talk to a person about my key": the request for a person matters more than the topic beside it, so a
    /// close second place for the hand-off intent is enough.
    /// </summary>
    public bool AsksForPerson(string text) =>
        text.Length <= MaxPersonRequestLength && classifier.Rank(text).Take(2).Any(s => s.Intent == Conversations.ConversationEngine.HumanHandoffIntent && s.Confidence >= PersonFloor);

    /// <summary>A short turn the model declined, that makes sense after the last answer: "ポートは指定してません" after connection-refused.</summary>
    public bool FollowsUp(string text, string topic)
    {
        var related = KnowledgeBase.Find(topic)?.Related.Select(r => r.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        related.Add(topic);
        return classifier.Rank(text)
            .Where(s => s.Intent != IntentDefinition.OutOfScopeId)
            .Take(FollowUpRank)
            .Any(s => related.Contains(s.Intent) && s.Confidence >= FollowUpFloor);
    }

    public IntentClassifier Classifier => classifier;

    public BotReply Answer(string text, Language? language = null)
    {
        text = PasteWindow.Trim(text);
        var replyLanguage = language ?? LanguageDetector.Detect(text);
        var findings = diagnostician.Diagnose(text);
        var classification = classifier.Classify(text);
        var strongest = findings.FirstOrDefault(f => f.Severity >= FindingSeverity.Warning) ?? findings.FirstOrDefault();
        if (strongest is not null && KnowledgeBase.Find(strongest.Intent) is not null)
        {
            classification = classification with
            {
                Intent = strongest.Intent,
                Confidence = 1f,
                Source = ClassificationSource.Pattern,
                Alternatives = classification.Alternatives.Where(a => a.Intent != strongest.Intent).ToList(),
            };
        }

        if (classification.IsOutOfScope)
        {
            return Decline(classification, replyLanguage, findings);
        }
        return ForIntent(KnowledgeBase.Get(classification.Intent), classification, replyLanguage, findings);
    }

    /// <summary>The answer of an intent the user picked (a "did you mean" button), or null when it no longer exists.</summary>
    public BotReply? Chosen(string intentId, Language language) =>
        KnowledgeBase.Find(intentId) is { } chosen ? ForIntent(chosen, new Classification(chosen.Id, 1f, [], ClassificationSource.Pattern), language, []) : null;

    public BotReply ForIntent(IntentDefinition intent, Classification classification, Language language, IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder();
        AppendFindings(text, findings, language);
        text.Append(intent.Answer.For(language));
        return new BotReply(language, classification, text.ToString(), [], findings);
    }

    private BotReply Decline(Classification classification, Language language, IReadOnlyList<Finding> findings)
    {
        var suggestions = Suggestions(classification);
        var text = new StringBuilder();
        AppendFindings(text, findings, language);
        if (KnowledgeBase.OutOfScope is { } outOfScope)
        {
            text.Append(outOfScope.Answer.For(language));
        }
        else
        {
            text.Append(Phrases.Get("decline", language));
        }
        if (suggestions.Count > 0)
        {
            text.Append("\n\n").Append(Phrases.Get("did-you-mean", language));
            foreach (var suggestion in suggestions)
            {
                text.Append("\n- ").Append(suggestion.Label);
            }
        }
        text.Append("\n\n").Append(Phrases.Get("reach-a-person", language, ("contact", Contact(language))));
        var choices = suggestions.Select(s => new ReplyChoice(new AskAboutIntent(s.Intent), s.Label)).ToList();
        return new BotReply(language, classification, text.ToString(), choices, findings);

        List<(string Intent, string Label)> Suggestions(Classification declined) =>
            declined.Alternatives
                .Where(a => a.Confidence >= classifierSettings.SuggestionFloor)
                .Take(3)
                .Select(a => KnowledgeBase.Find(a.Intent))
                .OfType<IntentDefinition>()
                .Select(i => (i.Id, i.Title.For(language)))
                .ToList();
    }

    private static void AppendFindings(StringBuilder text, IReadOnlyList<Finding> findings, Language language)
    {
        if (findings.Count > 0)
        {
            text.Append(FindingsText.Render(findings, language)).Append("\n\n");
        }
    }
}
