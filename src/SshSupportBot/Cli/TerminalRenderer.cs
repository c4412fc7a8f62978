using System.Text;
using SshSupportBot.Conversations;

namespace SshSupportBot.Cli;

/// <summary>Plain text for terminals and scripts: the Markdown answer as written, then numbered choices.</summary>
internal static class TerminalRenderer
{
    public static string Render(BotReply reply)
    {
        var text = new StringBuilder(reply.Text.TrimEnd());
        for (var i = 0; i < reply.Choices.Count; i++)
        {
            text.Append(i == 0 ? "\n\n" : "\n").Append($"  [{i + 1}] {reply.Choices[i].Label}");
        }
        return text.ToString();
    }
}
