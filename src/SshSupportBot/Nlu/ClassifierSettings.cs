namespace SshSupportBot.Nlu;

/// <summary>The <c>Classifier</c> configuration section.</summary>
internal sealed record ClassifierSettings
{
    /// <summary>Overrides the confidence threshold chosen by training.</summary>
    public float? MinConfidence { get; init; }

    /// <summary>Overrides the top-2 margin chosen by training.</summary>
    public float? MinMargin { get; init; }

    /// <summary>How much worse a wrong answer is than declining, when thresholds are chosen.</summary>
    public float WrongAnswerCost { get; init; } = 1f;

    public int Folds { get; init; } = 5;

    public ClassifierTrainer Trainer { get; init; } = ClassifierTrainer.AveragedPerceptronOneVersusAll;

    /// <summary>
    /// Candidates offered after a decline must reach this probability ("did you mean …?"). An unrelated question
    /// spreads the probability thinly over many intents (about 0.25 at most), and offering those would be noise.
    /// </summary>
    public float SuggestionFloor { get; init; } = 0.25f;

    /// <summary>A retrained model whose cross-validated macro-F1 falls below this is not swapped in on reload.</summary>
    public double MacroF1Floor { get; init; } = 0.7;

    public TrainingParameters ToTrainingParameters() => new() { Trainer = Trainer };
}
