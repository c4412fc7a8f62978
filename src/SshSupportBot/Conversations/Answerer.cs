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
    public KnowledgeBase KnowledgeBase => classifier.KnowledgeBase;

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
