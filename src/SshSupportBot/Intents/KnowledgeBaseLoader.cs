using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using System.Security.Cryptography;
using System.Text;
using SshSupportBot.Dialogue;
using SshSupportBot.Nlu;

namespace SshSupportBot.Intents;

/// <summary>
/// Reads <c>intents/</c>: every <c>*.yaml</c> file is an intent, every <c>*.flow.yaml</c> file a guided flow.
/// A file with an error is left out (lenient, as a running server wants); callers that must be strict check
/// <see cref="KnowledgeBaseLoadResult.HasErrors"/>.
/// </summary>
internal sealed class KnowledgeBaseLoader(KnowledgeBaseRules rules)
{
    public const string FlowSuffix = ".flow.yaml";

    public KnowledgeBaseLoader() : this(new KnowledgeBaseRules())
    {
    }

    public KnowledgeBaseLoadResult Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The intents directory '{directory}' does not exist.");
        }

        var displayRoot = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var issues = new List<ValidationIssue>();
        var skipped = new List<string>();
        var parser = new IntentFileParser(rules);
        var flowParser = new Flows.FlowFileParser();
        var parsed = new List<(string File, IntentDefinition Intent)>();
        var flows = new Dictionary<string, Flows.FlowDefinition>(StringComparer.Ordinal);

        foreach (var path in files)
        {
            var display = $"{displayRoot}/{Path.GetFileName(path)}";
            var text = File.ReadAllText(path);
            if (path.EndsWith(FlowSuffix, StringComparison.Ordinal))
            {
                var flowIssues = new List<ValidationIssue>();
                var flow = flowParser.Parse(display, text, flowIssues);
                issues.AddRange(flowIssues);
                if (flow is null)
                {
                    Skip(display, flowIssues);
                }
                else if (flows.TryGetValue(flow.Id, out var first))
                {
                    issues.Add(new ValidationIssue(IssueSeverity.Error, flow.Location, $"flow '{flow.Id}'",
                        $"the flow id is already used by {first.Location}. Give each flow its own id."));
                    Skip(display, issues);
                }
                else
                {
                    flows.Add(flow.Id, flow);
                }
                continue;
            }

            var fileIssues = new List<ValidationIssue>();
            var intent = parser.Parse(display, text, fileIssues);
            issues.AddRange(fileIssues);
            if (intent is null)
            {
                Skip(display, fileIssues);
            }
            else
            {
                parsed.Add((display, intent));
            }
        }

        var accepted = CrossCheck(parsed, flows, issues, skipped);
        var dialogue = new Dialogue.DialogueFileParser().Load(directory, issues);
        return new KnowledgeBaseLoadResult(new KnowledgeBase(accepted, flows, Hash(directory), dialogue), issues, skipped);

        void Skip(string display, List<ValidationIssue> reasons)
        {
            skipped.Add(display);
            issues.Add(new ValidationIssue(IssueSeverity.Warning, new SourceLocation(display, 1), null,
                "this file is skipped until its errors are fixed; the rest of the knowledge base is used."));
        }
    }

    private static List<IntentDefinition> CrossCheck(
        List<(string File, IntentDefinition Intent)> parsed,
        IReadOnlyDictionary<string, Flows.FlowDefinition> flows,
        List<ValidationIssue> issues,
        List<string> skipped)
    {
        var allIds = parsed.Select(p => p.Intent.Id).ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<string, IntentDefinition>(StringComparer.Ordinal);
        var exampleOwners = new Dictionary<string, (IntentDefinition Intent, IntentExample Example)>(StringComparer.Ordinal);
        var accepted = new List<IntentDefinition>();

        foreach (var (file, intent) in parsed)
        {
            var subject = $"intent '{intent.Id}'";
            var problems = new List<ValidationIssue>();

            if (byId.TryGetValue(intent.Id, out var first))
            {
                problems.Add(new ValidationIssue(IssueSeverity.Error, intent.Location, subject,
                    $"the id is already used by {first.Location.File}. Give each intent its own id (the file name should be the id)."));
            }

            var claimed = new List<(string Key, IntentExample Example)>();
            foreach (var example in intent.Examples)
            {
                var key = TextNormalizer.Normalize(example.Text);
                if (exampleOwners.TryGetValue(key, out var owner) && owner.Intent.Id != intent.Id)
                {
                    problems.Add(new ValidationIssue(IssueSeverity.Error, example.Location, subject,
                        $"the example \"{example.Text}\" is also an example of '{owner.Intent.Id}' ({owner.Example.Location}). Keep it under one intent only."));
                }
                else
                {
                    claimed.Add((key, example));
                }
            }

            foreach (var related in intent.Related.Where(r => !allIds.Contains(r.Id)))
            {
                problems.Add(new ValidationIssue(IssueSeverity.Error, related.Location, subject,
                    $"'related' names '{related.Id}', which is not an intent id. Use an id listed by 'sshbot intents list', or remove it."));
            }

            if (intent.Flow is { } flow && !flows.ContainsKey(flow.Id))
            {
                problems.Add(new ValidationIssue(IssueSeverity.Error, flow.Location, subject,
                    $"'flow' names '{flow.Id}', but there is no valid flow with that id (expected in {flow.Id}{FlowSuffix}). Add the flow file or remove 'flow'."));
            }

            issues.AddRange(problems);
            if (problems.Count > 0)
            {
                skipped.Add(file);
                issues.Add(new ValidationIssue(IssueSeverity.Warning, new SourceLocation(file, 1), null,
                    "this file is skipped until its errors are fixed; the rest of the knowledge base is used."));
                continue;
            }

            byId.Add(intent.Id, intent);
            foreach (var (key, example) in claimed)
            {
                exampleOwners.TryAdd(key, (intent, example));
            }
            accepted.Add(intent);
        }

        if (!byId.ContainsKey(IntentDefinition.OutOfScopeId))
        {
            issues.Add(new ValidationIssue(IssueSeverity.Warning, new SourceLocation("intents", 0), null,
                $"there is no '{IntentDefinition.OutOfScopeId}' intent. Add {IntentDefinition.OutOfScopeId}.yaml with examples of questions the bot should decline; without it the bot declines only on low confidence."));
        }

        return accepted;
    }

    /// <summary>
    /// Every file the knowledge base is read from: the intents and flows, and the bot's phrases and answer words in
    /// <c>dialogue/</c>, so an edit to any of them is a new knowledge base (hot reload, the saved model's key).
    /// </summary>
    public static IEnumerable<string> SourceFiles(string directory)
    {
        var dialogue = Path.Combine(directory, DialogueFileParser.Folder);
        return Directory.EnumerateFiles(directory, "*.yaml")
            .Concat(Directory.Exists(dialogue) ? Directory.EnumerateFiles(dialogue, "*.yaml") : [])
            .Order(StringComparer.Ordinal);
    }

    private static string Hash(string directory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in SourceFiles(directory))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
