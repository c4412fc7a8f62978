namespace SshSupportBot.Dialogue;

/// <summary>
/// Reads a reply as an answer to the bot's own question: which <see cref="AnswerKind"/> it is, if any. The bot
/// says which kinds its question expects; a reply is read as one of those first, and as "it works now" or
/// "thanks, that's enough" (which end the checks) only when it clearly says so.
/// </summary>
internal sealed class AnswerReader(AnswerExamples examples)
{
    /// <summary>Below this a reply is not taken as an answer of the kind.</summary>
    public const double Threshold = 0.7;

    /// <summary>An unexpected kind must be this clear to win over the question's own kinds.</summary>
    public const double ClearThreshold = 0.8;

    public AnswerKind? Read(string text, IReadOnlyCollection<AnswerKind> expected, IReadOnlyCollection<AnswerKind>? alsoIfClear = null)
    {
        if (text.Contains('\n') || text.Length > 4 * TextMatch.MaxReplyLength)
        {
            return null;
        }
        var reply = TextMatch.Simplify(text);
        if (reply.Length == 0 || reply.Length > TextMatch.MaxReplyLength)
        {
            return null;
        }
        var best = Best(reply, expected, Threshold);
        if (alsoIfClear is { Count: > 0 } && Best(reply, alsoIfClear, ClearThreshold) is { } clear && (best is null || clear.Score > best.Value.Score))
        {
            return clear.Kind;
        }
        return best?.Kind;
    }

    /// <summary>The score of each kind, for diagnostics and tests.</summary>
    public double Score(string text, AnswerKind kind) =>
        examples.ByKind.GetValueOrDefault(kind) is { } phrases ? phrases.Max(p => TextMatch.Score(TextMatch.Simplify(text), p)) : 0;

    private (AnswerKind Kind, double Score)? Best(string reply, IReadOnlyCollection<AnswerKind> kinds, double threshold)
    {
        (AnswerKind Kind, double Score)? best = null;
        foreach (var kind in kinds)
        {
            if (!examples.ByKind.TryGetValue(kind, out var phrases))
            {
                continue;
            }
            foreach (var phrase in phrases)
            {
                var score = TextMatch.Score(reply, phrase);
                if (score >= threshold && (best is null || score > best.Value.Score))
                {
                    best = (kind, score);
                }
            }
        }
        return best;
    }
}
