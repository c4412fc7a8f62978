using System.Text;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>Findings as the Markdown paragraph that opens a reply: what the output shows, each with its fix command.</summary>
internal static class FindingsText
{
    public static string Render(IReadOnlyList<Finding> findings, Language language)
    {
        var text = new StringBuilder(language == Language.Ja ? "*貼り付けられた出力から分かったこと*" : "*What your output shows*");
        foreach (var finding in findings)
        {
            // A finding's message is plain text quoting the paste (paths, hosts): marked so no channel makes a link of it.
            text.Append("\n- ").Append(Formatting.MarkdownLiteral.Quote(finding.Message.For(language)));
            if (finding.Fix is { } fix)
            {
                text.Append("\n```\n").Append(fix).Append("\n```");
            }
        }
        return text.ToString();
    }
}
