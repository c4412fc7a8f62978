using Microsoft.ML.Transforms.Text;

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

/// <summary>
/// The few knobs of the fixed pipeline (normalise, featurize words and characters, train). Not configuration: the
/// configured part is <see cref="ClassifierSettings"/>; benchmarks and tests vary the rest.
/// </summary>
internal sealed record TrainingParameters
{
    public ClassifierTrainer Trainer { get; init; } = ClassifierTrainer.AveragedPerceptronOneVersusAll;

    /// <summary>Word n-grams up to this length (English and other space-separated text).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>
    /// Character n-grams up to this length: Japanese has no spaces, and typos break words. 3 rather than 4:
    /// on CLINC150 validation it is as accurate once regularisation is light, with about half the features,
    /// so training and scoring are faster (bench/README.md).
    /// </summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>
    /// How n-gram counts are weighted before the L2 norm. TF-IDF lets a rare, telling n-gram outweigh the
    /// function words and short character n-grams that every query shares; a small gain on CLINC150 validation.
    /// </summary>
    public NgramExtractingEstimator.WeightingCriteria Weighting { get; init; } = NgramExtractingEstimator.WeightingCriteria.TfIdf;

    /// <summary>Null: the trainer's tuned default (SDCA 3e-6, L-BFGS 1e-4).</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Null: the trainer's tuned default (SDCA 20 passes, L-BFGS 200 iterations).</summary>
    public int? MaximumIterations { get; init; }

    public int Seed { get; init; } = 20261123;
}
