namespace SshSupportBot.Bench;

/// <summary>
/// The published rows quoted in <c>shared/benchmarks/README.md</c>, in percent. CLINC150: Larson et al. 2019,
/// Table 2, Full. BANKING77: secondary sources, as that README warns.
/// </summary>
internal static class PublishedFigures
{
    public sealed record ClincRow(string Classifier, double OosTrainAccuracy, double OosTrainRecall, double ThresholdAccuracy, double ThresholdRecall);

    public sealed record BankingRow(string Setting, string Model, double Accuracy);

    public static readonly IReadOnlyList<ClincRow> Clinc =
    [
        new("FastText", 89.0, 9.7, 88.6, 28.3),
        new("SVM (linear, bag-of-words)", 91.0, 14.5, 88.2, 18.0),
        new("CNN (GloVe-initialised)", 91.2, 18.9, 90.9, 30.9),
        new("DialogFlow", 91.7, 14.0, 90.8, 26.7),
        new("Rasa NLU (spacy-sklearn)", 91.5, 45.3, 90.9, 31.2),
        new("MLP on USE embeddings", 93.5, 47.4, 93.4, 49.1),
        new("BERT (fine-tuned)", 96.9, 40.3, 96.2, 52.3),
    ];

    public static readonly IReadOnlyList<BankingRow> Banking =
    [
        new("Full training data", "BERT-Large fine-tuned", 93.66),
        new("Full training data", "USE+ConveRT", 93.36),
        new("10 per intent", "USE", 84.23),
        new("10 per intent", "ConveRT", 83.32),
        new("10 per intent", "USE+ConveRT", 85.19),
    ];
}
