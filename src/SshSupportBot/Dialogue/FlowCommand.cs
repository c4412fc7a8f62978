using SshSupportBot.Conversations;

namespace SshSupportBot.Dialogue;

/// <summary>What a user can say at any step of a flow, typed in either language or pressed as a button.</summary>
internal enum FlowCommand
{
    None,
    Skip,
    Back,
    Cancel,
    StartOver,
}

/// <summary>The names admins use for the commands in <c>intents/dialogue/answers.yaml</c> (<c>commands:</c>).</summary>
internal static class FlowCommandNames
{
    private static readonly Dictionary<string, FlowCommand> ByName = new(StringComparer.Ordinal)
    {
        ["skip"] = FlowCommand.Skip,
        ["back"] = FlowCommand.Back,
        ["cancel"] = FlowCommand.Cancel,
        ["start-over"] = FlowCommand.StartOver,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static FlowCommand? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var command) ? command : null;
}
