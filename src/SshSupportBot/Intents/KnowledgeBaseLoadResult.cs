using SshSupportBot.Authoring;

namespace SshSupportBot.Intents;

internal sealed record KnowledgeBaseLoadResult(KnowledgeBase KnowledgeBase, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<string> SkippedFiles)
{
    public bool HasErrors => Issues.Any(i => i.Severity == IssueSeverity.Error);
}
