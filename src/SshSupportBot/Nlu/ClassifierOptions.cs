namespace SshSupportBot.Nlu;

internal enum ClassifierTrainer
{
    /// <summary>
    /// One-vs-all averaged perceptrons with calibrated probabilities: on our knowledge base it was about ten points
    /// more accurate in cross-validation than either maximum-entropy trainer, and trains in a second.
    /// </summary>
    AveragedPerceptronOneVersusAll,

    /// <summary>Multinomial logistic regression by SDCA: fast, and its probabilities are usable as confidence.</summary>
    SdcaMaximumEntropy,

    /// <summary>Multinomial logistic regression by L-BFGS: slower, sometimes a little more accurate.</summary>
    LbfgsMaximumEntropy,
}

/// <summary>The few knobs of the fixed pipeline: normalise, featurize words and characters, train.</summary>
internal sealed record ClassifierOptions
{
    public ClassifierTrainer Trainer { get; init; } = ClassifierTrainer.AveragedPerceptronOneVersusAll;

    /// <summary>Word n-grams up to this length (English and other space-separated text).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams up to this length: Japanese has no spaces, and typos break words.</summary>
    public int CharNgramLength { get; init; } = 3;

    public float? L2Regularization { get; init; }

    public int? MaximumIterations { get; init; }

    public int Seed { get; init; } = 20261123;
}
