namespace SshSupportBot.Nlu;

/// <summary>
/// Stratified k-fold: every example is predicted once by a model that never saw it. The out-of-fold
/// predictions feed both the threshold choice and the evaluation report.
/// </summary>
internal sealed class CrossValidator(IntentModelTrainer trainer)
{
    public IReadOnlyList<HeldOutPrediction> Predict(IReadOnlyList<LabeledText> examples, int folds, IProgress<int>? foldsDone = null)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        }
        var assignment = AssignFolds(examples, folds, trainer.Parameters.Seed);
        var predictions = new HeldOutPrediction[examples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where((_, i) => assignment[i] != fold).ToList();
            var model = trainer.Train(training);
            for (var i = 0; i < examples.Count; i++)
            {
                if (assignment[i] == fold)
                {
                    predictions[i] = new HeldOutPrediction(examples[i].Text, examples[i].Label, model.Score(examples[i].Text));
                }
            }
            foldsDone?.Report(fold + 1);
        }
        return predictions;
    }

    /// <summary>Deals each label's examples round-robin over the folds after a seeded shuffle, so every fold sees every label.</summary>
    private static int[] AssignFolds(IReadOnlyList<LabeledText> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label))
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            var offset = random.Next(folds);
            for (var k = 0; k < indices.Length; k++)
            {
                assignment[indices[k]] = (k + offset) % folds;
            }
        }
        return assignment;
    }
}
