using SshSupportBot.Languages;
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

    public string Contact(Language language) => settings.AdminContact(language);

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
        var pasted = text.Contains('\n');
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
            return Decline(classification, replyLanguage, findings, pasted);
        }
        var intent = KnowledgeBase.Get(classification.Intent);
        // A narrow question gets the narrow answer; with findings, the paste already says what is wrong.
        var fact = findings.Count == 0 ? IntentFacts.Asked(intent, text) : null;
        return Compose(intent, classification, replyLanguage, new ReplyParts(null, findings, pasted, (fact?.Answer ?? intent.Answer).For(replyLanguage)), fact is not null);
    }

    /// <summary>The answer of an intent the user picked (a "did you mean" button), or null when it no longer exists.</summary>
    public BotReply? Chosen(string intentId, Language language) =>
        KnowledgeBase.Find(intentId) is { } chosen ? ForIntent(chosen, new Classification(chosen.Id, 1f, [], ClassificationSource.Pattern), language, []) : null;

    public BotReply ForIntent(IntentDefinition intent, Classification classification, Language language, IReadOnlyList<Finding> findings) =>
        Compose(intent, classification, language, new ReplyParts(null, findings, findings.Count > 0, intent.Answer.For(language)), narrowed: false);

    /// <summary>
    /// The rest of an intent's answer, for the user who asked for more ("More" / 「詳しく」) after its short answer or
    /// one of its facts; null when the intent no longer exists. An intent without details gives its whole answer, so
    /// asking for more never comes back empty.
    /// </summary>
    public BotReply? Details(string intentId, Language language)
    {
        if (KnowledgeBase.Find(intentId) is not { } intent)
        {
            return null;
        }
        var parts = new ReplyParts(null, [], false, (intent.Details ?? intent.Answer).For(language));
        return new BotReply(language, new Classification(intent.Id, 1f, [], ClassificationSource.Pattern), ReplyComposer.Compose(parts, language, KnowledgeBase.Dialogue.Phrases), [], []) { Parts = parts };
    }

    /// <param name="narrowed">A fact answered instead of the intent's answer, so there is more to show even without details.</param>
    private BotReply Compose(IntentDefinition intent, Classification classification, Language language, ReplyParts parts, bool narrowed)
    {
        IReadOnlyList<ReplyChoice> more = intent.Details is not null || narrowed ? [new ReplyChoice(new ShowDetails(intent.Id), Phrases.Get("more-details", language))] : [];
        return new BotReply(language, classification, ReplyComposer.Compose(parts, language, KnowledgeBase.Dialogue.Phrases), more, parts.Findings) { Parts = parts };
    }

    private BotReply Decline(Classification classification, Language language, IReadOnlyList<Finding> findings, bool pasted)
    {
        var suggestions = Suggestions(classification);
        var text = new StringBuilder();
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
        var parts = new ReplyParts(null, findings, pasted, text.ToString());
        return new BotReply(language, classification, ReplyComposer.Compose(parts, language, KnowledgeBase.Dialogue.Phrases), choices, findings) { Parts = parts };

        List<(string Intent, string Label)> Suggestions(Classification declined) =>
            declined.Alternatives
                .Where(a => a.Confidence >= classifierSettings.SuggestionFloor)
                .Take(3)
                .Select(a => KnowledgeBase.Find(a.Intent))
                .OfType<IntentDefinition>()
                .Select(i => (i.Id, i.Title.For(language)))
                .ToList();
    }
}
