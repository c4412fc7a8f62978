using SshSupportBot.Conversations;
using SshSupportBot.Intents;

namespace SshSupportBot.Admin;

/// <summary>"Did this help? 👍 / 👎" as two choices whose values carry the answer's id.</summary>
internal static class FeedbackChoices
{
    public const string Prefix = "feedback:";
    private const string Up = Prefix + "up:";
    private const string Down = Prefix + "down:";

    public static IReadOnlyList<ReplyChoice> For(string answerId, Language language) =>
    [
        new(Up + answerId, language == Language.Ja ? "👍 役に立った" : "👍 Helpful"),
        new(Down + answerId, language == Language.Ja ? "👎 役に立たなかった" : "👎 Not helpful"),
    ];

    public static bool IsFeedback(ReplyChoice choice) => choice.Value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A pressed button, or in a terminal "+1" / "-1" / 👍 / 👎 about the last answer (answer id null).</summary>
    public static (bool Helpful, string? AnswerId)? Parse(string text)
    {
        if (text.StartsWith(Up, StringComparison.Ordinal))
        {
            return (true, text[Up.Length..]);
        }
        if (text.StartsWith(Down, StringComparison.Ordinal))
        {
            return (false, text[Down.Length..]);
        }
        return text switch
        {
            "+1" or "👍" => (true, null),
            "-1" or "👎" => (false, null),
            _ => null,
        };
    }
}
