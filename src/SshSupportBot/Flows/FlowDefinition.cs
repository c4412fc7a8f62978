using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using SshSupportBot.Intents;

namespace SshSupportBot.Flows;

/// <summary>
/// A guided flow as an admin wrote it in <c>intents/ID.flow.yaml</c>: steps with stable ids that say something,
/// offer choices, ask for pasted output, and branch on what the analyzers found.
/// </summary>
/// <param name="Version">A hash of the flow file: an admin's edit changes it, so conversations in the old flow restart cleanly.</param>
internal sealed record FlowDefinition(string Id, string Version, BilingualText Title, string Start, IReadOnlyList<FlowStep> Steps, SourceLocation Location)
{
    public FlowStep? Find(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);
}

/// <summary>
/// One step. It says <see cref="Say"/>, then either waits for a choice or a paste, moves on to <see cref="Next"/>
/// at once, or ends the flow with <see cref="End"/>.
/// </summary>
internal sealed record FlowStep(
    string Id,
    BilingualText? Say,
    IReadOnlyList<FlowChoice> Choices,
    bool ExpectsPaste,
    string? OnProblem,
    string? OnOk,
    string? Next,
    FlowEnd? End,
    bool Summary,
    SourceLocation Location)
{
    public bool Waits => Choices.Count > 0 || ExpectsPaste;
}

/// <param name="Means">The answer kinds that pick this choice when typed ("still fails" picks a choice that means still-failing).</param>
/// <param name="Also">Other words users type for this choice (mac, macbook, Mac です for macOS).</param>
internal sealed record FlowChoice(string Value, BilingualText Label, string Next, SourceLocation Location)
{
    public IReadOnlyList<Dialogue.AnswerKind> Means { get; init; } = [];

    public IReadOnlyList<string> Also { get; init; } = [];
}

internal enum FlowEnd
{
    Resolved,
    Unresolved,
    Handoff,
}
