using SshSupportBot.Flows;
using SshSupportBot.Languages;
using SshSupportBot.Nlu;

namespace SshSupportBot.Conversations;

/// <summary>What a user can say at any step of a flow, typed in either language or pressed as a button.</summary>
internal enum FlowCommand
{
    None,
    Skip,
    Back,
    Cancel,
    StartOver,
}

internal static class FlowCommands
{
    private static readonly Dictionary<string, FlowCommand> Words = new(StringComparer.Ordinal)
    {
        ["skip"] = FlowCommand.Skip, ["next"] = FlowCommand.Skip, ["スキップ"] = FlowCommand.Skip, ["飛ばす"] = FlowCommand.Skip, ["とばす"] = FlowCommand.Skip,
        ["back"] = FlowCommand.Back, ["戻る"] = FlowCommand.Back, ["もどる"] = FlowCommand.Back, ["前へ"] = FlowCommand.Back,
        ["cancel"] = FlowCommand.Cancel, ["stop"] = FlowCommand.Cancel, ["quit"] = FlowCommand.Cancel, ["exit"] = FlowCommand.Cancel,
        ["やめる"] = FlowCommand.Cancel, ["やめます"] = FlowCommand.Cancel, ["キャンセル"] = FlowCommand.Cancel, ["中止"] = FlowCommand.Cancel, ["終了"] = FlowCommand.Cancel,
        ["start over"] = FlowCommand.StartOver, ["restart"] = FlowCommand.StartOver, ["最初から"] = FlowCommand.StartOver, ["やり直し"] = FlowCommand.StartOver, ["やりなおし"] = FlowCommand.StartOver,
    };

    public static FlowCommand Parse(string text)
    {
        var normalized = TextNormalizer.Normalize(text).Trim().TrimEnd('.', '!', '。', '！');
        return Words.GetValueOrDefault(normalized, FlowCommand.None);
    }
}
