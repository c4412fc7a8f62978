namespace SshSupportBot.Dialogue;

/// <summary>What a short reply to the bot's own question means. The set is fixed because the engine acts on each.</summary>
internal enum AnswerKind
{
    Yes,
    No,
    Fixed,
    StillFailing,
    Unsure,
    Same,
    Different,
    Done,
}

internal static class AnswerKindNames
{
    private static readonly Dictionary<string, AnswerKind> ByName = new(StringComparer.Ordinal)
    {
        ["yes"] = AnswerKind.Yes,
        ["no"] = AnswerKind.No,
        ["fixed"] = AnswerKind.Fixed,
        ["still-failing"] = AnswerKind.StillFailing,
        ["unsure"] = AnswerKind.Unsure,
        ["same"] = AnswerKind.Same,
        ["different"] = AnswerKind.Different,
        ["done"] = AnswerKind.Done,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static AnswerKind? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;
}
