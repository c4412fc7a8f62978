namespace SshSupportBot.Nlu;

/// <summary>Saved beside the model: which knowledge base it was trained from, and the thresholds chosen for it.</summary>
internal sealed record ModelMetadata(
    string KnowledgeBaseHash,
    string OptionsFingerprint,
    DateTimeOffset TrainedAt,
    float MinConfidence,
    float MinMargin,
    double CrossValidatedMacroF1,
    double CrossValidatedAccuracy,
    int Examples,
    int Intents)
{
    /// <summary>A short, human-comparable version of the model: the first characters of the knowledge-base hash.</summary>
    public string Version => KnowledgeBaseHash[..12];
}
