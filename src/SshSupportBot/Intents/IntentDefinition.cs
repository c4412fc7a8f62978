using SshSupportBot.Languages;
using SshSupportBot.Authoring;
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

    /// <summary>The rest of the answer, shown when the user asks for more; null when the short answer is all there is.</summary>
    public BilingualText? Details { get; init; }

    /// <summary>Short answers to narrow questions about one thing the intent covers (one file's mode, one host name).</summary>
    public IReadOnlyList<IntentFact> Facts { get; init; } = [];

    public bool IsOutOfScope => Id == OutOfScopeId;

    public IEnumerable<IntentExample> ExamplesIn(Language language) => Examples.Where(e => e.Language == language);
}

/// <summary>
/// A narrow answer: used instead of the intent's answer when the question names this fact's subject and no other
/// fact's (「known_hostsのパーミッションは？」 gets one line, not the whole table).
/// </summary>
/// <param name="About">Words that name the subject, compared after normalization (case, full-width); any one is enough.</param>
internal sealed record IntentFact(IReadOnlyList<string> About, BilingualText Answer, SourceLocation Location);

internal sealed record IntentExample(string Text, Language Language, SourceLocation Location);

/// <summary>A reference to another intent or flow by id, with where the admin wrote it.</summary>
internal sealed record IntentReference(string Id, SourceLocation Location);

internal sealed record IntentPattern(string Source, Regex Regex, SourceLocation Location);
