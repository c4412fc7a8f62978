using SshSupportBot.Conversations;
using SshSupportBot.Nlu;

namespace SshSupportBot.Admin;

/// <summary>
/// Recognises "let me talk to a person" by a few phrases rather than an intent: it must work even when the
/// classifier is unsure, and it is too important to be declined as out of scope.
/// </summary>
internal static class HumanRequest
{
    private static readonly string[] Phrases =
    [
        "talk to a human", "talk to a person", "speak to a human", "speak to a person", "speak with a person", "talk with a person",
        "real person", "human please", "want a human", "need a human", "contact support", "helpdesk person", "human agent", "live agent",
        "人と話したい", "人間と話したい", "担当者", "人に相談", "人に聞きたい", "オペレーター", "有人",
    ];

    public static bool Matches(IncomingMessage message)
    {
        if (message.Action is RequestPerson)
        {
            return true;
        }
        var normalized = TextNormalizer.Normalize(message.Text);
        return normalized.Length <= 120 && Phrases.Any(p => normalized.Contains(p, StringComparison.Ordinal));
    }
}
