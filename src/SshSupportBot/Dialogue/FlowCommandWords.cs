using SshSupportBot.Conversations;
using SshSupportBot.Languages;

namespace SshSupportBot.Dialogue;

/// <summary>
/// The words that, typed alone at a step of the checks, skip it, go back, stop or start over, as admins list them
/// under <c>commands:</c> in <c>intents/dialogue/answers.yaml</c>. Only an exact word counts (after normalising and
/// dropping a final full stop or exclamation mark): "skip the permissions check, I did it" is an answer, not a command.
/// </summary>
internal sealed class FlowCommandWords
{
    private readonly Dictionary<string, FlowCommand> _words = new(StringComparer.Ordinal);

    public FlowCommandWords(IReadOnlyDictionary<FlowCommand, BilingualList> words)
    {
        foreach (var (command, list) in words)
        {
            foreach (var word in list.Ja.Concat(list.En))
            {
                _words.TryAdd(Normalize(word), command);
            }
        }
    }

    public static FlowCommandWords Empty { get; } = new(new Dictionary<FlowCommand, BilingualList>());

    public FlowCommand Parse(string text) => _words.GetValueOrDefault(Normalize(text), FlowCommand.None);

    private static string Normalize(string text) => TextNormalizer.Normalize(text).Trim().TrimEnd('.', '!', '。', '！');
}
