using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using System.Security.Cryptography;
using System.Text;
using SshSupportBot.Intents;
using YamlDotNet.RepresentationModel;

namespace SshSupportBot.Flows;

/// <summary>Reads and checks one flow file: every target exists, every step is reachable, every text is bilingual.</summary>
internal sealed class FlowFileParser
{
    private static readonly string[] StepKeys = ["id", "say", "choices", "expect", "on", "next", "end", "summary"];

    public FlowDefinition? Parse(string displayPath, string text, List<ValidationIssue> issues)
    {
        var before = issues.Count;
        if (AdminYamlFile.LoadRoot(displayPath, text,
                "the file does not contain a flow. Start it with 'version: 1', 'id:', 'start:' and 'steps:'.", issues) is not { } root)
        {
            return null;
        }

        var id = Scalar(root, "id");
        var subject = id is null ? null : $"flow '{id}'";
        if (Scalar(root, "version") is var version && version != KnowledgeBaseRules.SupportedVersion.ToString())
        {
            issues.Add(Error(displayPath, Line(root), subject, version is null
                ? $"the 'version' key is missing. Add 'version: {KnowledgeBaseRules.SupportedVersion}' at the top of the file."
                : $"version '{version}' is not supported. This bot reads version {KnowledgeBaseRules.SupportedVersion}."));
        }
        if (id is null)
        {
            issues.Add(Error(displayPath, Line(root), null, "the 'id' key is missing. Add 'id: <flow-id>' (the file name without .flow.yaml)."));
            return null;
        }

        var title = Bilingual(root, "title", displayPath, subject, issues) ?? new BilingualText(id, id);
        var steps = new List<FlowStep>();
        if (!root.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode) || stepsNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            issues.Add(Error(displayPath, Line(root), subject, "the flow has no 'steps:' list. Add at least one step with an 'id'."));
            return null;
        }
        foreach (var node in sequence.Children)
        {
            if (ParseStep(node, displayPath, subject, issues) is { } step)
            {
                if (steps.Any(s => s.Id == step.Id))
                {
                    issues.Add(Error(displayPath, step.Location.Line, subject, $"step '{step.Id}' is defined twice. Give each step its own id."));
                    continue;
                }
                steps.Add(step);
            }
        }

        var start = Scalar(root, "start") ?? steps.FirstOrDefault()?.Id ?? "";
        CheckGraph(displayPath, subject, start, steps, root, issues);
        if (issues.Skip(before).Any(i => i.Severity == IssueSeverity.Error))
        {
            return null;
        }
        return new FlowDefinition(id, Hash(text), title, start, steps, new SourceLocation(displayPath, Line(root)));
    }

    private static FlowStep? ParseStep(YamlNode node, string file, string? subject, List<ValidationIssue> issues)
    {
        if (node is not YamlMappingNode step || Scalar(step, "id") is not { } id)
        {
            issues.Add(Error(file, Line(node), subject, "every step needs an 'id:'."));
            return null;
        }
        var where = $"{subject}, step '{id}'";
        foreach (var key in step.Children.Keys.OfType<YamlScalarNode>().Where(k => !StepKeys.Contains(k.Value)))
        {
            issues.Add(new ValidationIssue(IssueSeverity.Warning, new SourceLocation(file, Line(key)), where,
                $"unknown key '{key.Value}' is ignored. A step may have: {string.Join(", ", StepKeys)}."));
        }

        var say = Bilingual(step, "say", file, where, issues);
        var choices = new List<FlowChoice>();
        if (step.Children.TryGetValue(new YamlScalarNode("choices"), out var choicesNode))
        {
            if (choicesNode is not YamlSequenceNode list)
            {
                issues.Add(Error(file, Line(choicesNode), where, "'choices' must be a list of entries with 'value', 'label' and 'next'."));
            }
            else
            {
                foreach (var item in list.Children)
                {
                    if (item is YamlMappingNode choice && Scalar(choice, "value") is { } value && Scalar(choice, "next") is { } next
                        && Bilingual(choice, "label", file, where, issues) is { } label)
                    {
                        choices.Add(new FlowChoice(value, label, next, new SourceLocation(file, Line(item)))
                        {
                            Means = Means(choice, value, file, where, issues),
                            Also = Also(choice),
                        });
                    }
                    else
                    {
                        issues.Add(Error(file, Line(item), where, "a choice needs 'value', 'label' (ja and en) and 'next'."));
                    }
                }
            }
        }

        var expect = Scalar(step, "expect");
        if (expect is not null and not "paste")
        {
            issues.Add(Error(file, Line(step), where, $"'expect: {expect}' is not known. The only kind is 'expect: paste' (the user pastes command output)."));
        }
        string? onProblem = null, onOk = null;
        if (step.Children.TryGetValue(new YamlScalarNode("on"), out var onNode) && onNode is YamlMappingNode outcomes)
        {
            onProblem = Scalar(outcomes, "problem");
            onOk = Scalar(outcomes, "ok");
        }
        if (expect == "paste" && (onProblem is null || onOk is null))
        {
            issues.Add(Error(file, Line(step), where, "a step with 'expect: paste' needs 'on:' with both 'problem:' and 'ok:' (the steps to go to)."));
        }

        FlowEnd? end = null;
        if (Scalar(step, "end") is { } endText)
        {
            if (Enum.TryParse<FlowEnd>(endText, ignoreCase: true, out var parsed))
            {
                end = parsed;
            }
            else
            {
                issues.Add(Error(file, Line(step), where, $"'end: {endText}' is not known. Use resolved, unresolved or handoff."));
            }
        }
        var nextStep = Scalar(step, "next");
        if (choices.Count == 0 && expect is null && nextStep is null && end is null)
        {
            issues.Add(Error(file, Line(step), where, "the step has no way forward. Give it 'choices', 'expect: paste', 'next' or 'end'."));
        }
        var summary = Scalar(step, "summary") is "true" or "yes";
        return new FlowStep(id, say, choices, expect == "paste", onProblem, onOk, nextStep, end, summary, new SourceLocation(file, Line(step)));
    }

    private static void CheckGraph(string file, string? subject, string start, List<FlowStep> steps, YamlMappingNode root, List<ValidationIssue> issues)
    {
        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (!ids.Contains(start))
        {
            issues.Add(Error(file, Line(root), subject, $"'start' names '{start}', which is not a step. Use the id of one of the steps."));
            return;
        }
        foreach (var step in steps)
        {
            foreach (var (target, what) in Targets(step))
            {
                if (!ids.Contains(target))
                {
                    issues.Add(Error(file, step.Location.Line, $"{subject}, step '{step.Id}'",
                        $"{what} goes to '{target}', which is not a step. Fix the step id or add the step."));
                }
            }
        }
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            var step = steps.First(s => s.Id == current);
            foreach (var (target, _) in Targets(step))
            {
                if (ids.Contains(target) && reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }
        foreach (var step in steps.Where(s => !reached.Contains(s.Id)))
        {
            issues.Add(Error(file, step.Location.Line, $"{subject}, step '{step.Id}'",
                $"the step cannot be reached from the start step '{start}'. Point a 'next', 'on' or choice at it, or remove it."));
        }
    }

    private static IEnumerable<(string Target, string What)> Targets(FlowStep step)
    {
        foreach (var choice in step.Choices)
        {
            yield return (choice.Next, $"the choice '{choice.Value}'");
        }
        if (step.OnProblem is { } problem)
        {
            yield return (problem, "'on: problem'");
        }
        if (step.OnOk is { } ok)
        {
            yield return (ok, "'on: ok'");
        }
        if (step.Next is { } next)
        {
            yield return (next, "'next'");
        }
    }

    private static BilingualText? Bilingual(YamlMappingNode mapping, string key, string file, string? subject, List<ValidationIssue> issues)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }
        var ja = node is YamlMappingNode m ? Scalar(m, "ja") : null;
        var en = node is YamlMappingNode n ? Scalar(n, "en") : null;
        if (string.IsNullOrWhiteSpace(ja))
        {
            issues.Add(Error(file, Line(node), subject, $"'{key}' has no Japanese text. Add 'ja:' under '{key}'."));
        }
        if (string.IsNullOrWhiteSpace(en))
        {
            issues.Add(Error(file, Line(node), subject, $"'{key}' has no English text. Add 'en:' under '{key}'."));
        }
        return string.IsNullOrWhiteSpace(ja) || string.IsNullOrWhiteSpace(en) ? null : new BilingualText(ja.TrimEnd(), en.TrimEnd());
    }

    /// <summary>The kinds named by 'means:', plus the kind the value itself names (a choice 'same' means same).</summary>
    private static IReadOnlyList<Dialogue.AnswerKind> Means(YamlMappingNode choice, string value, string file, string? where, List<ValidationIssue> issues)
    {
        var kinds = new List<Dialogue.AnswerKind>();
        if (Dialogue.AnswerKindNames.Parse(value) is { } own)
        {
            kinds.Add(own);
        }
        if (!choice.Children.TryGetValue(new YamlScalarNode("means"), out var node))
        {
            return kinds;
        }
        var names = node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList(),
            YamlScalarNode one => [one.Value ?? ""],
            _ => [],
        };
        foreach (var name in names)
        {
            if (Dialogue.AnswerKindNames.Parse(name) is { } kind)
            {
                kinds.Add(kind);
            }
            else
            {
                issues.Add(Error(file, Line(node), where,
                    $"the choice '{value}' means '{name}', which is not an answer kind. Use: {string.Join(", ", Dialogue.AnswerKindNames.All)}."));
            }
        }
        return kinds.Distinct().ToList();
    }

    /// <summary>'also: {ja: [...], en: [...]}' (or a plain list): other words for the choice.</summary>
    private static IReadOnlyList<string> Also(YamlMappingNode choice)
    {
        if (!choice.Children.TryGetValue(new YamlScalarNode("also"), out var node))
        {
            return [];
        }
        IEnumerable<YamlNode> items = node switch
        {
            YamlSequenceNode list => list.Children,
            YamlMappingNode languages => languages.Children.Values.OfType<YamlSequenceNode>().SelectMany(l => l.Children),
            _ => [],
        };
        return items.OfType<YamlScalarNode>().Select(n => n.Value ?? "").Where(v => v.Trim().Length > 0).ToList();
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static ValidationIssue Error(string file, int line, string? subject, string message) =>
        new(IssueSeverity.Error, new SourceLocation(file, line), subject, message);
}
