using Microsoft.ML.Transforms.Text;

namespace SshSupportBot.Nlu;

internal enum ClassifierTrainer
{
    /// <summary>Multinomial logistic regression by SDCA: fast, and its probabilities are usable as confidence.</summary>
    SdcaMaximumEntropy,

    /// <summary>Multinomial logistic regression by L-BFGS: slower, sometimes a little more accurate.</summary>
    LbfgsMaximumEntropy,
}

/// <summary>The few knobs of the fixed pipeline: normalise, featurize words and characters, train.</summary>
internal sealed record ClassifierOptions
{
    public ClassifierTrainer Trainer { get; init; } = ClassifierTrainer.SdcaMaximumEntropy;

    /// <summary>Word n-grams up to this length (English and other space-separated text).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams up to this length: Japanese has no spaces, and typos break words.</summary>
    public int CharNgramLength { get; init; } = 4;

    /// <summary>
    /// How n-gram counts are weighted before the L2 norm. TF-IDF lets a rare, telling n-gram outweigh the
    /// function words and short character n-grams that every query shares.
    /// </summary>
    public NgramExtractingEstimator.WeightingCriteria Weighting { get; init; } = NgramExtractingEstimator.WeightingCriteria.Tf;

    public float? L2Regularization { get; init; }

    public int? MaximumIterations { get; init; }

    public int Seed { get; init; } = 20261123;
}
