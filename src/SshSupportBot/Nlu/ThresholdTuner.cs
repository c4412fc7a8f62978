namespace SshSupportBot.Nlu;

/// <summary>
/// Picks the out-of-scope thresholds on held-out predictions. Each prediction is worth +1 when right (a right
/// answer, or a decline of an out-of-scope question), 0 when it declines an in-scope question, and
/// −<see cref="WrongAnswerCost"/> when it answers wrongly: a wrong confident answer is worse than "I don't know".
/// With a cost of 0 this is the CLINC150 protocol (accuracy with out-of-scope as its own class).
/// </summary>
internal sealed class ThresholdTuner(float wrongAnswerCost)
{
    private static readonly float[] Margins = [0f, 0.02f, 0.05f, 0.08f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f];

    public float WrongAnswerCost => wrongAnswerCost;

    public OutOfScopePolicy Tune(IReadOnlyList<HeldOutPrediction> predictions)
    {
        var best = OutOfScopePolicy.AcceptAll;
        var bestScore = double.NegativeInfinity;
        foreach (var margin in Margins)
        {
            for (var step = 0; step <= 95; step++)
            {
                var policy = new OutOfScopePolicy(step / 100f, margin);
                var score = Score(policy, predictions);
                // Ties go to the lower thresholds, which decline less.
                if (score > bestScore + 1e-9)
                {
                    bestScore = score;
                    best = policy;
                }
            }
        }
        return best;
    }

    public double Score(OutOfScopePolicy policy, IReadOnlyList<HeldOutPrediction> predictions)
    {
        double total = 0;
        foreach (var prediction in predictions)
        {
            var accepted = policy.Accepts(prediction.Ranked);
            var isOutOfScope = prediction.Truth == Intents.IntentDefinition.OutOfScopeId;
            if (!accepted)
            {
                total += isOutOfScope ? 1 : 0;
            }
            else
            {
                total += prediction.Ranked[0].Intent == prediction.Truth ? 1 : -wrongAnswerCost;
            }
        }
        return total / Math.Max(1, predictions.Count);
    }
}

internal sealed record HeldOutPrediction(string Text, string Truth, IReadOnlyList<IntentScore> Ranked);
