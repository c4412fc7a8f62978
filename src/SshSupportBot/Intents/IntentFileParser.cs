using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SshSupportBot.Intents;

/// <summary>Reads one intent file, reporting every problem it finds with its line rather than stopping at the first.</summary>
internal sealed class IntentFileParser(KnowledgeBaseRules rules)
{
    private static readonly Regex IdShape = new("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant);
    private static readonly string[] KnownKeys = ["version", "id", "title", "examples", "answer", "details", "facts", "flow", "related", "patterns"];

    public IntentDefinition? Parse(string displayPath, string text, List<ValidationIssue> issues)
    {
        var before = issues.Count;
        if (AdminYamlFile.LoadRoot(displayPath, text,
                "the file does not contain an intent. Start it with 'version: 1' and 'id: <intent-id>' (see an existing intent file).", issues) is not { } root)
        {
            return null;
        }

        var top = new SourceLocation(displayPath, Line(root));
        var id = Scalar(root, "id");
        var subject = id is null ? null : $"intent '{id}'";

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!KnownKeys.Contains(key.Value))
            {
                issues.Add(Warning(At(displayPath, key), subject,
                    $"unknown key '{key.Value}' is ignored. The keys an intent file may have are: {string.Join(", ", KnownKeys)}."));
            }
        }

        var version = Scalar(root, "version");
        if (version is null)
        {
            issues.Add(Error(top, subject, $"the 'version' key is missing. Add 'version: {KnowledgeBaseRules.SupportedVersion}' at the top of the file."));
        }
        else if (version != KnowledgeBaseRules.SupportedVersion.ToString())
        {
            issues.Add(Error(At(displayPath, root.Children[new YamlScalarNode("version")]), subject,
                $"version '{version}' is not supported. This bot reads version {KnowledgeBaseRules.SupportedVersion}."));
        }

        if (id is null)
        {
            issues.Add(Error(top, null, "the 'id' key is missing. Add 'id: <intent-id>' (lower case letters, digits and '-'; the file name without .yaml)."));
            id = "?";
        }
        else if (!IdShape.IsMatch(id))
        {
            issues.Add(Error(At(displayPath, root.Children[new YamlScalarNode("id")]), subject,
                "the id must use only lower case letters, digits and '-' (for example 'host-key-changed')."));
        }
        else if (Path.GetFileName(displayPath) is var fileName && fileName != id + ".yaml")
        {
            issues.Add(Warning(At(displayPath, root.Children[new YamlScalarNode("id")]), subject,
                $"the file is named '{fileName}'; name it '{id}.yaml' so admins can find the intent by its id."));
        }

        var isOutOfScope = id == IntentDefinition.OutOfScopeId;
        var title = Bilingual(root, "title", displayPath, subject, issues, required: !isOutOfScope) ?? new BilingualText(id, id);
        var answer = Bilingual(root, "answer", displayPath, subject, issues, required: true) ?? new BilingualText("", "");
        var details = Bilingual(root, "details", displayPath, subject, issues, required: false);
        var facts = Facts(root, displayPath, subject, issues);
        if (!isOutOfScope)
        {
            WarnIfLong(answer, rules.ShortAnswerMaxJa, rules.ShortAnswerMaxEn, KeyLocation(root, "answer", displayPath), subject, issues,
                "'answer' is the first reply and should fit a phone screen: lead with what is wrong and the one command that fixes it, and move the background, other checks and tables to 'details:'");
        }
        foreach (var (key, written) in new[] { ("title", title), ("answer", answer), ("details", details) })
        {
            RefuseUnfinished(root, key, written, displayPath, subject, issues);
        }
        var examples = Examples(root, displayPath, subject, issues);
        var related = StringList(root, "related", displayPath, subject, issues);
        var patterns = Patterns(root, displayPath, subject, issues);
        var flow = root.Children.TryGetValue(new YamlScalarNode("flow"), out var flowNode) && flowNode is YamlScalarNode { Value: { } flowId } && !string.IsNullOrWhiteSpace(flowId)
            ? new IntentReference(flowId.Trim(), At(displayPath, flowNode))
            : null;

        if (issues.Skip(before).Any(i => i.Severity == IssueSeverity.Error))
        {
            return null;
        }

        return new IntentDefinition(id, title, examples, answer, flow, related.Select(r => new IntentReference(r.Value, r.Location)).ToList(), patterns, top)
        {
            Details = details,
            Facts = facts,
        };
    }

    private List<IntentFact> Facts(YamlMappingNode root, string file, string? subject, List<ValidationIssue> issues)
    {
        var result = new List<IntentFact>();
        if (!root.Children.TryGetValue(new YamlScalarNode("facts"), out var node))
        {
            return result;
        }
        if (node is not YamlSequenceNode sequence)
        {
            issues.Add(Error(At(file, node), subject, "'facts' must be a list; each entry has 'about:' (a list of words) and 'answer:' with 'ja:' and 'en:'."));
            return result;
        }
        var owners = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            var location = At(file, item);
            if (item is not YamlMappingNode entry)
            {
                issues.Add(Error(location, subject, "each entry of 'facts' needs 'about:' (a list of words) and 'answer:' with 'ja:' and 'en:'."));
                continue;
            }
            foreach (var key in entry.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("about" or "answer")))
            {
                issues.Add(Warning(At(file, key), subject, $"unknown key '{key.Value}' in a fact is ignored. A fact has only 'about:' and 'answer:'."));
            }
            var about = StringList(entry, "about", file, subject, issues);
            if (about.Count == 0)
            {
                issues.Add(Error(location, subject, "this fact has no 'about:' words. Add the words a user would write to name its subject, e.g. 'about: [known_hosts]'."));
            }
            foreach (var (word, wordLocation) in about)
            {
                var key = Languages.TextNormalizer.Normalize(word);
                if (!owners.TryAdd(key, wordLocation))
                {
                    issues.Add(Error(wordLocation, subject,
                        $"the word '{word}' already names the fact at {owners[key]}. A word may name one fact only; remove it here or there."));
                }
            }
            var answer = Bilingual(entry, "answer", file, subject, issues, required: true);
            if (answer is null || about.Count == 0)
            {
                continue;
            }
            WarnIfLong(answer, rules.FactAnswerMaxJa, rules.FactAnswerMaxEn, location, subject, issues,
                "a fact answers one narrow question: keep it to a line or two and at most one command");
            result.Add(new IntentFact(about.Select(a => a.Value).ToList(), answer, location));
        }
        return result;
    }

    private static void WarnIfLong(BilingualText text, int maxJa, int maxEn, SourceLocation location, string? subject, List<ValidationIssue> issues, string advice)
    {
        foreach (var (language, limit) in new[] { (Language.Ja, maxJa), (Language.En, maxEn) })
        {
            var length = text.For(language).Length;
            if (length > limit)
            {
                issues.Add(Warning(location, subject, $"the {language.DisplayName()} text is {length} characters, over the target of {limit}. {advice}."));
            }
        }
    }

    private List<IntentExample> Examples(YamlMappingNode root, string file, string? subject, List<ValidationIssue> issues)
    {
        var result = new List<IntentExample>();
        if (!root.Children.TryGetValue(new YamlScalarNode("examples"), out var node))
        {
            issues.Add(Error(new SourceLocation(file, Line(root)), subject,
                $"the 'examples' key is missing. Add 'examples:' with 'ja:' and 'en:' lists of at least {rules.MinExamplesPerLanguage} examples each."));
            return result;
        }
        var examplesKey = KeyLocation(root, "examples", file);
        if (node is not YamlMappingNode byLanguage)
        {
            issues.Add(Error(examplesKey, subject, "'examples' must have a 'ja:' list and an 'en:' list under it."));
            return result;
        }
        foreach (var language in new[] { Language.Ja, Language.En })
        {
            if (!byLanguage.Children.TryGetValue(new YamlScalarNode(language.Code()), out var list))
            {
                issues.Add(Error(examplesKey, subject,
                    $"there are no {language.DisplayName()} examples. Add '{language.Code()}:' under 'examples' with at least {rules.MinExamplesPerLanguage} examples."));
                continue;
            }
            if (list is not YamlSequenceNode sequence)
            {
                issues.Add(Error(At(file, list), subject, $"'examples: {language.Code()}:' must be a list (one '- example' per line)."));
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in sequence.Children)
            {
                if (item is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
                {
                    issues.Add(Error(At(file, item), subject, "an example must be a non-empty line of text."));
                    continue;
                }
                var location = At(file, item);
                if (!seen.Add(Languages.TextNormalizer.Normalize(text)))
                {
                    issues.Add(Warning(location, subject, $"the example \"{text}\" is listed twice; the copy is ignored. Remove one of them."));
                    continue;
                }
                result.Add(new IntentExample(text.Trim(), language, location));
            }
            var count = result.Count(e => e.Language == language);
            if (count < rules.MinExamplesPerLanguage)
            {
                issues.Add(Error(KeyLocation(byLanguage, language.Code(), file), subject,
                    $"only {count} {language.DisplayName()} examples; at least {rules.MinExamplesPerLanguage} are needed. Add more of the ways users really write this question."));
            }
        }
        return result;
    }

    private List<IntentPattern> Patterns(YamlMappingNode root, string file, string? subject, List<ValidationIssue> issues)
    {
        var result = new List<IntentPattern>();
        foreach (var (source, location) in StringList(root, "patterns", file, subject, issues))
        {
            try
            {
                var regex = new Regex(source, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, rules.PatternTimeout);
                result.Add(new IntentPattern(source, regex, location));
            }
            catch (ArgumentException e)
            {
                issues.Add(Error(location, subject,
                    $"the pattern '{source}' does not compile ({FirstLine(e.Message)}). Fix the regular expression; to match ( ) . [ literally write \\( \\) \\. \\[."));
            }
        }
        return result;
    }

    private static BilingualText? Bilingual(YamlMappingNode root, string key, string file, string? subject, List<ValidationIssue> issues, bool required)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (required)
            {
                issues.Add(Error(new SourceLocation(file, Line(root)), subject, $"the '{key}' key is missing. Add '{key}:' with 'ja:' and 'en:' under it."));
            }
            return null;
        }
        var keyLocation = KeyLocation(root, key, file);
        if (node is not YamlMappingNode mapping)
        {
            issues.Add(Error(keyLocation, subject, $"'{key}' must have 'ja:' and 'en:' under it."));
            return null;
        }
        var ja = Scalar(mapping, "ja");
        var en = Scalar(mapping, "en");
        if (string.IsNullOrWhiteSpace(ja))
        {
            issues.Add(Error(keyLocation, subject, $"there is no Japanese {key}. Add 'ja:' under '{key}'."));
        }
        if (string.IsNullOrWhiteSpace(en))
        {
            issues.Add(Error(keyLocation, subject, $"there is no English {key}. Add 'en:' under '{key}'."));
        }
        return string.IsNullOrWhiteSpace(ja) || string.IsNullOrWhiteSpace(en) ? null : new BilingualText(ja.TrimEnd(), en.TrimEnd());
    }

    private static List<(string Value, SourceLocation Location)> StringList(YamlMappingNode root, string key, string file, string? subject, List<ValidationIssue> issues)
    {
        var result = new List<(string, SourceLocation)>();
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return result;
        }
        if (node is not YamlSequenceNode sequence)
        {
            issues.Add(Error(At(file, node), subject, $"'{key}' must be a list, for example '{key}: [a, b]'."));
            return result;
        }
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                result.Add((value.Trim(), At(file, item)));
            }
            else
            {
                issues.Add(Error(At(file, item), subject, $"every entry of '{key}' must be a non-empty text."));
            }
        }
        return result;
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>Where the admin wrote <c>key:</c> itself, which is where a message about its contents should point.</summary>
    private static SourceLocation KeyLocation(YamlMappingNode mapping, string key, string file) =>
        new(file, mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) is { } node ? Line(node) : Line(mapping));

    private static SourceLocation At(string file, YamlNode node) => new(file, Line(node));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.');

    private static ValidationIssue Error(SourceLocation location, string? subject, string message) => new(IssueSeverity.Error, location, subject, message);

    private static ValidationIssue Warning(SourceLocation location, string? subject, string message) => new(IssueSeverity.Warning, location, subject, message);

    /// <summary>
    /// The skeleton 'sshbot review' starts says TODO where an admin must write; left in, users would read it as the answer.
    /// </summary>
    private static void RefuseUnfinished(YamlMappingNode root, string key, BilingualText? text, string file, string? subject, List<ValidationIssue> issues)
    {
        if (text is not null && (text.Ja.Contains("TODO", StringComparison.Ordinal) || text.En.Contains("TODO", StringComparison.Ordinal)))
        {
            issues.Add(Error(KeyLocation(root, key, file), subject, $"'{key}' still says TODO. Write the text users will read in place of the TODO placeholder."));
        }
    }
}
