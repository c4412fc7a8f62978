using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>
/// Whether a diagnosis of a public paste is right: the strongest finding points to the expected intent, every
/// expected fact is in the fixes, and no fix contains a forbidden fragment. An empty expected intent means no finding.
/// </summary>
public sealed record PublicPasteVerdict(string Id, bool RightTopic, IReadOnlyList<string> Problems)
{
    public bool Right => Problems.Count == 0;

    internal static PublicPasteVerdict Judge(PublicPaste item, IReadOnlyList<Finding> findings)
    {
        var problems = new List<string>();
        var topic = findings.Count == 0 ? "" : findings[0].Intent;
        var rightTopic = topic == item.Intent;
        if (!rightTopic)
        {
            problems.Add($"topic {(topic.Length == 0 ? "(none)" : topic)} [{string.Join(",", findings.Select(f => f.Code))}], expected {(item.Intent.Length == 0 ? "(none)" : item.Intent)}");
        }
        var fixes = string.Join("\n", findings.Select(f => f.Fix).OfType<string>());
        problems.AddRange(item.FixContains.Where(fact => !fixes.Contains(fact, StringComparison.Ordinal)).Select(fact => $"fix lacks «{fact}»"));
        problems.AddRange(item.Forbidden.Where(bad => fixes.Contains(bad, StringComparison.Ordinal)).Select(bad => $"fix contains forbidden «{bad}»"));
        if (item.Path is { } path && !findings.Any(f => f.Path == path))
        {
            problems.Add($"no finding names the path «{path}» (paths: {string.Join(", ", findings.Select(f => f.Path).OfType<string>())})");
        }
        problems.AddRange(item.ForbiddenCodes.Where(code => findings.Any(f => f.Code == code)).Select(code => $"misreading {code}"));
        if (problems.Count > 0 && fixes.Length > 0)
        {
            problems.Add("fixes were:\n" + fixes);
        }
        return new PublicPasteVerdict(item.Id, rightTopic, problems);
    }
}
