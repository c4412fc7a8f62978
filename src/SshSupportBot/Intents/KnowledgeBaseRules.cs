namespace SshSupportBot.Intents;

internal sealed record KnowledgeBaseRules
{
    public int MinExamplesPerLanguage { get; init; } = 15;

    /// <summary>Patterns run on whatever users paste, so a pathological expression must not stall a turn.</summary>
    public TimeSpan PatternTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    public const int SupportedVersion = 1;
}
