using SshSupportBot.Languages;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;

namespace SshSupportBot.Admin;

/// <summary>"Did this help? 👍 / 👎" as two choices that carry the answer's id.</summary>
internal static class FeedbackChoices
{
    public static IReadOnlyList<ReplyChoice> For(string answerId, Language language, Dialogue.BotPhrases phrases) =>
    [
        new(new GiveFeedback(answerId, true), phrases.Get("feedback-helpful", language)),
        new(new GiveFeedback(answerId, false), phrases.Get("feedback-not-helpful", language)),
    ];

    public static bool IsFeedback(ReplyChoice choice) => choice.Action is GiveFeedback;

    /// <summary>A pressed button, or in a terminal "+1" / "-1" / 👍 / 👎 about the last answer (answer id null).</summary>
    public static (bool Helpful, string? AnswerId)? Parse(IncomingMessage message)
    {
        if (message.Action is GiveFeedback feedback)
        {
            return (feedback.Helpful, feedback.AnswerId);
        }
        return message.Text.Trim() switch
        {
            "+1" or "👍" => (true, null),
            "-1" or "👎" => (false, null),
            _ => null,
        };
    }
}
