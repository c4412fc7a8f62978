namespace SshSupportBot.Nlu;

internal sealed record IntentMetrics(string Intent, double Precision, double Recall, double F1, int Support);

internal sealed record Misclassification(string Text, string Truth, string Predicted, float Confidence);

/// <summary>Like <c>rasa test nlu</c>: per-intent precision, recall, F1 and support, what went wrong, and the confusion table.</summary>
internal sealed record EvaluationReport(
    IReadOnlyList<IntentMetrics> PerIntent,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<Misclassification> Errors,
    IReadOnlyList<string> Labels,
    int[,] Confusion,
    IReadOnlyList<(float Confidence, bool Correct)> Confidences,
    OutOfScopePolicy Policy)
{
    /// <summary>Scores the held-out predictions as the bot would act on them, declines included.</summary>
    public static EvaluationReport From(IReadOnlyList<HeldOutPrediction> predictions, OutOfScopePolicy policy)
    {
        var decided = predictions
            .Select(p => (p.Text, p.Truth, Predicted: policy.Accepts(p.Ranked) ? p.Ranked[0].Intent : Intents.IntentDefinition.OutOfScopeId,
                Confidence: p.Ranked.Count > 0 ? p.Ranked[0].Confidence : 0f))
            .ToList();
        var labels = decided.Select(d => d.Truth).Concat(decided.Select(d => d.Predicted)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var confusion = new int[labels.Count, labels.Count];
        foreach (var d in decided)
        {
            confusion[index[d.Truth], index[d.Predicted]]++;
        }

        var perIntent = new List<IntentMetrics>();
        foreach (var label in labels)
        {
            var i = index[label];
            var truePositives = confusion[i, i];
            var predicted = Enumerable.Range(0, labels.Count).Sum(r => confusion[r, i]);
            var support = Enumerable.Range(0, labels.Count).Sum(c => confusion[i, c]);
            if (support == 0)
            {
                continue;
            }
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perIntent.Add(new IntentMetrics(label, precision, recall, f1, support));
        }

        var total = decided.Count;
        var accuracy = total == 0 ? 0 : (double)decided.Count(d => d.Truth == d.Predicted) / total;
        var macro = perIntent.Count == 0 ? 0 : perIntent.Average(m => m.F1);
        var weighted = total == 0 ? 0 : perIntent.Sum(m => m.F1 * m.Support) / total;
        var errors = decided.Where(d => d.Truth != d.Predicted)
            .Select(d => new Misclassification(d.Text, d.Truth, d.Predicted, d.Confidence))
            .OrderByDescending(e => e.Confidence)
            .ToList();
        var confidences = decided.Select(d => (d.Confidence, d.Truth == d.Predicted)).ToList();
        return new EvaluationReport(perIntent, accuracy, macro, weighted, errors, labels, confusion, confidences, policy);
    }
}
