using SshSupportBot.Flows;
using SshSupportBot.Dialogue;

namespace SshSupportBot.Conversations;

/// <summary>
/// Finds the choice a typed reply names: its label in either language, its value, or one of the admin's other words
/// for it ("mac", "Mac です", "macbook" for macOS), or part of the label ("powershell"). Ambiguous replies match
/// nothing, so the bot asks again rather than guessing.
/// </summary>
internal static class ChoiceMatcher
{
    private const double Threshold = 0.62;
    private const double Margin = 0.05;

    public static FlowChoice? ByWords(IReadOnlyList<FlowChoice> choices, string text)
    {
        if (choices.Count == 0 || text.Contains('\n'))
        {
            return null;
        }
        var reply = TextMatch.Simplify(text);
        if (reply.Length == 0 || reply.Length > TextMatch.MaxReplyLength)
        {
            return null;
        }
        var scored = choices
            .Select(choice => (Choice: choice, Score: Terms(choice).Max(term => Score(reply, term))))
            .OrderByDescending(s => s.Score)
            .ToList();
        var best = scored[0];
        if (best.Score < Threshold)
        {
            return null;
        }
        return scored.Count > 1 && scored[1].Score > best.Score - Margin ? null : best.Choice;
    }

    /// <summary>The choice that means this kind of answer ("still fails" → the still-failing choice), when exactly one does.</summary>
    public static FlowChoice? ByKind(IReadOnlyList<FlowChoice> choices, AnswerKind kind)
    {
        var meaning = choices.Where(c => c.Means.Contains(kind)).ToList();
        return meaning.Count == 1 ? meaning[0] : null;
    }

    private static IEnumerable<string> Terms(FlowChoice choice) =>
        new[] { choice.Label.Ja, choice.Label.En, choice.Value.Replace('-', ' ') }.Concat(choice.Also)
            .Select(TextMatch.Simplify)
            .Where(t => t.Length > 0);

    /// <summary>The term in the reply, or (for a short reply) the reply inside the term, a part of a label.</summary>
    private static double Score(string reply, string term)
    {
        var score = TextMatch.Score(reply, term);
        if (reply.Length >= 3 && TextMatch.Occurs(term, reply))
        {
            score = Math.Max(score, 0.6 + 0.4 * reply.Length / term.Length);
        }
        return score;
    }
}
