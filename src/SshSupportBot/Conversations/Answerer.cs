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
    public const string IntentChoicePrefix = "intent:";

    public KnowledgeBase KnowledgeBase => classifier.KnowledgeBase;

    public IntentClassifier Classifier => classifier;

    public BotReply Answer(string text, Language? language = null)
    {
        text = PasteWindow.Trim(text);
        var replyLanguage = language ?? LanguageDetector.Detect(text);
        if (text.StartsWith(IntentChoicePrefix, StringComparison.Ordinal) && KnowledgeBase.Find(text[IntentChoicePrefix.Length..]) is { } chosen)
        {
            return ForIntent(chosen, new Classification(chosen.Id, 1f, [], ClassificationSource.Pattern), replyLanguage, []);
        }
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
        return Compose(intent, classification, replyLanguage, new ReplyParts(null, findings, pasted, (fact?.Answer ?? intent.Answer).For(replyLanguage)));
    }

    public BotReply ForIntent(IntentDefinition intent, Classification classification, Language language, IReadOnlyList<Finding> findings) =>
        Compose(intent, classification, language, new ReplyParts(null, findings, findings.Count > 0, intent.Answer.For(language)));

    /// <summary>
    /// The rest of an intent's answer, for the user who asked for more after its short answer (or a fact). An intent
    /// without details gives its whole answer, so asking for more never comes back empty.
    /// </summary>
    public BotReply Details(string intentId, Language language)
    {
        var intent = KnowledgeBase.Find(intentId) ?? throw new KeyNotFoundException($"No intent '{intentId}' in the knowledge base.");
        var classification = new Classification(intent.Id, 1f, [], ClassificationSource.Pattern);
        var text = (intent.Details ?? intent.Answer).For(language);
        return new BotReply(language, classification, ReplyComposer.Compose(new ReplyParts(null, [], false, text), language), [], [])
        {
            Parts = new ReplyParts(null, [], false, text),
        };
    }

    private static BotReply Compose(IntentDefinition intent, Classification classification, Language language, ReplyParts parts) =>
        new(language, classification, ReplyComposer.Compose(parts, language), [], parts.Findings) { Parts = parts };

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
            text.Append(language == Language.Ja
                ? "すみません、その質問にはお答えできません。このボットはスパコンへの SSH 接続に関する質問にお答えします。"
                : "Sorry, I can't answer that. I help with SSH access to the supercomputer.");
        }
        if (suggestions.Count > 0)
        {
            text.Append("\n\n").Append(language == Language.Ja ? "もしかして、次のどれかについての質問ですか？" : "Did you mean one of these?");
            foreach (var suggestion in suggestions)
            {
                text.Append("\n- ").Append(suggestion.Label);
            }
        }
        text.Append("\n\n").Append(language == Language.Ja
            ? $"担当者に直接相談する場合は、{settings.AdminContactJa}までお問い合わせください。"
            : $"To reach a person, contact {settings.AdminContactEn}.");
        var choices = suggestions.Select(s => new ReplyChoice(IntentChoicePrefix + s.Intent, s.Label)).ToList();
        var parts = new ReplyParts(null, findings, pasted, text.ToString());
        return new BotReply(language, classification, ReplyComposer.Compose(parts, language), choices, findings) { Parts = parts };

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
