namespace SshSupportBot.Intents;

internal sealed record KnowledgeBaseRules
{
    public int MinExamplesPerLanguage { get; init; } = 15;

    /// <summary>Patterns run on whatever users paste, so a pathological expression must not stall a turn.</summary>
    public TimeSpan PatternTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A first reply should fit a phone screen; longer text belongs in <c>details:</c> (issue 14).</summary>
    public int ShortAnswerMaxJa { get; init; } = 600;

    public int ShortAnswerMaxEn { get; init; } = 900;

    /// <summary>A fact answers one narrow question: a line or two and at most one command.</summary>
    public int FactAnswerMaxJa { get; init; } = 300;

    public int FactAnswerMaxEn { get; init; } = 450;

    public const int SupportedVersion = 1;
}
