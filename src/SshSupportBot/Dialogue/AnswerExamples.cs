using SshSupportBot.Intents;

namespace SshSupportBot.Dialogue;

/// <summary>The ways users answer the bot's questions, by kind, as admins wrote them in <c>intents/dialogue/answers.yaml</c>.</summary>
internal sealed record AnswerExamples(IReadOnlyDictionary<AnswerKind, IReadOnlyList<string>> ByKind)
{
    public static AnswerExamples Empty { get; } = new(new Dictionary<AnswerKind, IReadOnlyList<string>>());

    /// <summary>Both languages together: a Japanese user may type "ok", an English one 「はい」.</summary>
    public static AnswerExamples From(IReadOnlyDictionary<AnswerKind, BilingualList> examples) =>
        new(examples.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.Ja.Concat(e.Value.En).Select(TextMatch.Simplify).Where(s => s.Length > 0).Distinct().ToList()));
}

/// <summary>A list of short texts in each language.</summary>
internal sealed record BilingualList(IReadOnlyList<string> Ja, IReadOnlyList<string> En);
