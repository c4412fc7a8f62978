using System.Text.RegularExpressions;

namespace SshSupportBot.Intents;

/// <summary>One intent as an admin wrote it in <c>intents/ID.yaml</c>.</summary>
internal sealed record IntentDefinition(
    string Id,
    BilingualText Title,
    IReadOnlyList<IntentExample> Examples,
    BilingualText Answer,
    IntentReference? Flow,
    IReadOnlyList<IntentReference> Related,
    IReadOnlyList<IntentPattern> Patterns,
    SourceLocation Location)
{
    public const string OutOfScopeId = "out-of-scope";

    public bool IsOutOfScope => Id == OutOfScopeId;

    public IEnumerable<IntentExample> ExamplesIn(Language language) => Examples.Where(e => e.Language == language);
}

internal sealed record IntentExample(string Text, Language Language, SourceLocation Location);

/// <summary>A reference to another intent or flow by id, with where the admin wrote it.</summary>
internal sealed record IntentReference(string Id, SourceLocation Location);

internal sealed record IntentPattern(string Source, Regex Regex, SourceLocation Location);

internal sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
