using SshSupportBot.Nlu;
using SshSupportBot.Intents;

namespace SshSupportBot.Authoring;

internal enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>A problem in the knowledge base, worded for the admin who has to fix it.</summary>
internal sealed record ValidationIssue(IssueSeverity Severity, SourceLocation Location, string? Subject, string Message)
{
    public override string ToString()
    {
        var severity = Severity == IssueSeverity.Error ? "error" : "warning";
        var subject = Subject is null ? "" : $"{Subject}: ";
        return $"{Location}: {severity}: {subject}{Message}";
    }
}
