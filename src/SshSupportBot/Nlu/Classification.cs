namespace SshSupportBot.Nlu;

internal enum ClassificationSource
{
    Model,
    Pattern,
    Flow,
}

/// <summary>The classifier's decision: an intent id, or <c>out-of-scope</c> with the closest candidates.</summary>
internal sealed record Classification(
    string Intent,
    float Confidence,
    IReadOnlyList<IntentScore> Alternatives,
    ClassificationSource Source)
{
    public bool IsOutOfScope => Intent == Intents.IntentDefinition.OutOfScopeId;
}
