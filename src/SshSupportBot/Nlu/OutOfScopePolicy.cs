namespace SshSupportBot.Nlu;

/// <summary>
/// When the bot declines instead of guessing: the top intent must reach <see cref="MinConfidence"/> and lead
/// the runner-up by <see cref="MinMargin"/>. Chosen on held-out data by training; overridable in configuration.
/// </summary>
internal sealed record OutOfScopePolicy(float MinConfidence, float MinMargin)
{
    public static readonly OutOfScopePolicy AcceptAll = new(0f, 0f);

    public bool Accepts(IReadOnlyList<IntentScore> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Intent == Intents.IntentDefinition.OutOfScopeId)
        {
            return false;
        }
        var margin = ranked.Count > 1 ? ranked[0].Confidence - ranked[1].Confidence : ranked[0].Confidence;
        return ranked[0].Confidence >= MinConfidence && margin >= MinMargin;
    }
}
