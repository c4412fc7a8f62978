using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>
/// One benchmark configuration: what the classifier trains on, where its threshold is chosen, and what it is
/// scored on once. Out-of-scope items carry the app's own out-of-scope id, so the app's policy recognises them.
/// </summary>
internal sealed record Dataset(
    string Name,
    string Method,
    IReadOnlyList<LabeledText> Train,
    IReadOnlyList<LabeledText>? Validation,
    IReadOnlyList<LabeledText> Test)
{
    public bool HasOutOfScope => Test.Any(t => t.Label == Intents.IntentDefinition.OutOfScopeId);
}
