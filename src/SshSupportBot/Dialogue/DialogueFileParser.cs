using SshSupportBot.Conversations;
using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;
using YamlDotNet.RepresentationModel;

namespace SshSupportBot.Dialogue;

/// <summary>
/// Reads <c>intents/dialogue/answers.yaml</c> and <c>phrases.yaml</c>, checking them the way the intent files are
/// checked: every message names the file, the line, the entry and the fix.
/// </summary>
internal sealed partial class DialogueFileParser
{
    public const string Folder = "dialogue";
    public const string AnswersFile = "answers.yaml";
    public const string PhrasesFile = "phrases.yaml";

    /// <summary>Reads the folder's files; a missing or broken file is reported and the shipped copy is used instead.</summary>
    public DialogueData Load(string intentsDirectory, List<ValidationIssue> issues)
    {
        var folder = Path.Combine(intentsDirectory, Folder);
        var answers = ReadOrNull(Path.Combine(folder, AnswersFile));
        var phrases = ReadOrNull(Path.Combine(folder, PhrasesFile));
        if (answers is null || phrases is null)
        {
            issues.Add(new ValidationIssue(IssueSeverity.Warning, new SourceLocation($"{Folder}/", 0), null,
                $"{Folder}/{(answers is null ? AnswersFile : PhrasesFile)} is missing; the copy built into the program is used. Restore the file to change it."));
        }
        return Parse(answers, phrases, Folder, issues, DialogueData.Shipped);
    }

    public DialogueData Parse(string? answersText, string? phrasesText, string folder, List<ValidationIssue> issues, DialogueData? fallback)
    {
        var answers = answersText is null ? null : ParseAnswers($"{folder}/{AnswersFile}", answersText, issues);
        var commands = answersText is null ? null : ParseCommands($"{folder}/{AnswersFile}", answersText, issues);
        var phrases = phrasesText is null ? null : ParsePhrases($"{folder}/{PhrasesFile}", phrasesText, issues);
        return new DialogueData(
            answers ?? fallback?.Answers ?? AnswerExamples.Empty,
            phrases is null ? fallback?.Phrases ?? new BotPhrases(new Dictionary<string, BilingualText>()) : new BotPhrases(phrases, fallback?.Phrases),
            commands ?? fallback?.Commands ?? FlowCommandWords.Empty);
    }

    private static AnswerExamples? ParseAnswers(string file, string text, List<ValidationIssue> issues)
    {
        if (AdminYamlFile.LoadRoot(file, text, "the file holds no answer kinds. Start it with 'version: 1' and 'kinds:'.", issues) is not { } root)
        {
            return null;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("kinds"), out var kindsNode) || kindsNode is not YamlMappingNode kinds)
        {
            issues.Add(Error(file, root, null, "'kinds' is missing or not a mapping. List the kinds (yes, no, fixed, …) under 'kinds:'."));
            return null;
        }
        var result = new Dictionary<AnswerKind, BilingualList>();
        foreach (var (keyNode, value) in kinds.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value;
            if (AnswerKindNames.Parse(name) is not { } kind)
            {
                issues.Add(Error(file, keyNode, $"kind '{name}'", $"there is no such kind. The kinds are: {string.Join(", ", AnswerKindNames.All)}."));
                continue;
            }
            var ja = List(value, "ja");
            var en = List(value, "en");
            if (ja.Count == 0 || en.Count == 0)
            {
                issues.Add(Error(file, value, $"kind '{name}'", $"give examples in both languages: 'ja: [...]' and 'en: [...]'."));
                continue;
            }
            result[kind] = new BilingualList(ja, en);
        }
        foreach (var missing in Enum.GetValues<AnswerKind>().Where(k => !result.ContainsKey(k)))
        {
            issues.Add(new ValidationIssue(IssueSeverity.Warning, new SourceLocation(file, 1), null,
                $"the kind '{AnswerKindNames.All.First(n => AnswerKindNames.Parse(n) == missing)}' has no examples; the built-in ones are used."));
        }
        return AnswerExamples.From(result);
    }

    /// <summary>The optional <c>commands:</c> section; without it (or when it is broken) the shipped words are used.</summary>
    private static FlowCommandWords? ParseCommands(string file, string text, List<ValidationIssue> issues)
    {
        // The kinds' parse already reported a file that is not YAML; this section is read quietly after it.
        if (AdminYamlFile.LoadRoot(file, text, "", []) is not { } root
            || !root.Children.TryGetValue(new YamlScalarNode("commands"), out var commandsNode))
        {
            return null;
        }
        if (commandsNode is not YamlMappingNode commands)
        {
            issues.Add(Error(file, commandsNode, null, $"'commands' must be a mapping of {string.Join(", ", FlowCommandNames.All)} to 'ja: [...]' and 'en: [...]'."));
            return null;
        }
        var result = new Dictionary<FlowCommand, BilingualList>();
        foreach (var (keyNode, value) in commands.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value;
            if (FlowCommandNames.Parse(name) is not { } command)
            {
                issues.Add(Error(file, keyNode, $"command '{name}'", $"there is no such command. The commands are: {string.Join(", ", FlowCommandNames.All)}."));
                continue;
            }
            var ja = List(value, "ja");
            var en = List(value, "en");
            if (ja.Count == 0 || en.Count == 0)
            {
                issues.Add(Error(file, value, $"command '{name}'", "give words in both languages: 'ja: [...]' and 'en: [...]'."));
                continue;
            }
            result[command] = new BilingualList(ja, en);
        }
        return result.Count == 0 ? null : new FlowCommandWords(result);
    }

    private static Dictionary<string, BilingualText>? ParsePhrases(string file, string text, List<ValidationIssue> issues)
    {
        if (AdminYamlFile.LoadRoot(file, text, "the file holds no phrases. Start it with 'version: 1' and 'phrases:'.", issues) is not { } root)
        {
            return null;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("phrases"), out var node) || node is not YamlMappingNode phrases)
        {
            issues.Add(Error(file, root, null, "'phrases' is missing or not a mapping. Put each phrase under 'phrases:' with 'ja:' and 'en:'."));
            return null;
        }
        var result = new Dictionary<string, BilingualText>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in phrases.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            var ja = Scalar(value, "ja");
            var en = Scalar(value, "en");
            if (string.IsNullOrWhiteSpace(ja) || string.IsNullOrWhiteSpace(en))
            {
                issues.Add(Error(file, value, $"phrase '{key}'", "give the phrase in both languages: 'ja:' and 'en:'."));
                continue;
            }
            var jaNames = Placeholders(ja);
            var enNames = Placeholders(en);
            if (!jaNames.SetEquals(enNames))
            {
                issues.Add(Error(file, value, $"phrase '{key}'",
                    $"the placeholders differ between the languages (ja: {Show(jaNames)}; en: {Show(enNames)}). Use the same {{names}} in both."));
                continue;
            }
            result[key] = new BilingualText(ja.TrimEnd(), en.TrimEnd());
        }
        return result;
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static List<string> List(YamlNode node, string language) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(language), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Trim().Length > 0).ToList()
            : [];

    private static string? Scalar(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    private static string Show(HashSet<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Order().Select(n => "{" + n + "}"));

    private static ValidationIssue Error(string file, YamlNode node, string? subject, string message) =>
        new(IssueSeverity.Error, new SourceLocation(file, (int)node.Start.Line), subject, message);

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Placeholder();
}
