using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;

namespace SshSupportBot.Cli;

/// <summary>Plain text for terminals and scripts: the Markdown answer with its tables aligned, then numbered choices.</summary>
internal static class TerminalRenderer
{
    public static string Render(BotReply reply)
    {
        var text = new StringBuilder(TerminalTable.AlignTables(Formatting.MarkdownLiteral.Unescape(reply.Text)).TrimEnd());
        // Feedback is typed as +1 / -1 rather than numbered, so the numbers keep meaning the engine's own choices.
        var choices = NumberedChoices(reply);
        for (var i = 0; i < choices.Count; i++)
        {
            text.Append(i == 0 ? "\n\n" : "\n").Append($"  [{i + 1}] {choices[i].Label}");
        }
        if (choices.Count < reply.Choices.Count)
        {
            text.Append("\n\n").Append(Dialogue.DialogueData.Shipped.Phrases.Get("feedback-typed-prompt", reply.Language));
        }
        return text.ToString();
    }

    /// <summary>The choices a terminal user picks by number, in order; feedback is typed as +1 / -1 instead.</summary>
    public static IReadOnlyList<ReplyChoice> NumberedChoices(BotReply reply) => reply.Choices.Where(c => !FeedbackChoices.IsFeedback(c)).ToList();
}
