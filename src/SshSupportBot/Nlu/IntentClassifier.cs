using SshSupportBot.Languages;
using System.Text;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Nlu;

/// <summary>
/// Patterns first (a pasted OpenSSH error is recognised exactly), then the statistical model, then the
/// out-of-scope policy. Pure: the same text always gets the same answer.
/// </summary>
internal sealed class IntentClassifier(IntentModel model, KnowledgeBase knowledgeBase, OutOfScopePolicy policy)
{
    private const int MaxAlternatives = 3;

    public IntentModel Model => model;

    public OutOfScopePolicy Policy => policy;

    public KnowledgeBase KnowledgeBase => knowledgeBase;

    /// <summary>Every intent's probability, best first, before any threshold or pattern.</summary>
    public IReadOnlyList<IntentScore> Rank(string text) => model.Score(Diagnostics.PasteWindow.ForClassifier(text));

    public Classification Classify(string text)
    {
        var ranked = model.Score(Diagnostics.PasteWindow.ForClassifier(text));
        var patternIntents = MatchingPatterns(text);
        if (patternIntents.Count > 0)
        {
            // Several patterns can match one paste; the model, which read all of it, breaks the tie.
            var chosen = ranked.FirstOrDefault(s => patternIntents.Contains(s.Intent))?.Intent ?? patternIntents.First();
            return new Classification(chosen, 1f, Others(ranked, chosen), ClassificationSource.Pattern);
        }

        if (policy.Accepts(ranked))
        {
            return new Classification(ranked[0].Intent, ranked[0].Confidence, Others(ranked, ranked[0].Intent), ClassificationSource.Model);
        }

        var outOfScopeConfidence = ranked.FirstOrDefault(s => s.Intent == IntentDefinition.OutOfScopeId)?.Confidence ?? 0f;
        var inScope = ranked.Where(s => s.Intent != IntentDefinition.OutOfScopeId).ToList();
        var confidence = Math.Max(outOfScopeConfidence, 1f - (inScope.Count > 0 ? inScope[0].Confidence : 0f));
        return new Classification(IntentDefinition.OutOfScopeId, confidence, inScope.Take(MaxAlternatives).ToList(), ClassificationSource.Model);
    }

    private static List<IntentScore> Others(IReadOnlyList<IntentScore> ranked, string chosen) =>
        ranked.Where(s => s.Intent != chosen && s.Intent != IntentDefinition.OutOfScopeId).Take(MaxAlternatives).ToList();

    private HashSet<string> MatchingPatterns(string text)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var folded = TextNormalizer.WellFormed(text).Normalize(NormalizationForm.FormKC);
        foreach (var intent in knowledgeBase.Intents)
        {
            foreach (var pattern in intent.Patterns)
            {
                try
                {
                    if (pattern.Regex.IsMatch(folded))
                    {
                        matched.Add(intent.Id);
                        break;
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pattern that cannot decide in time does not decide.
                }
            }
        }
        return matched;
    }
}
