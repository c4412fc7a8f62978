using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>Findings as the Markdown paragraph that opens a reply: what the output shows, each with its fix command.</summary>
internal static class FindingsText
{
    private static readonly BilingualText Heading = new("*貼り付けられた出力から分かったこと*", "*What your output shows*");

    public static string Render(IReadOnlyList<Finding> findings, Language language) => Render(findings, language, withHeading: true, _ => true);

    /// <param name="withHeading">Only a real paste earns "What your output shows"; a quoted one-line error does not.</param>
    /// <param name="showFix">Asked for each fix command; false when the reply already shows that command elsewhere.</param>
    public static string Render(IReadOnlyList<Finding> findings, Language language, bool withHeading, Func<string, bool> showFix)
    {
        var text = new StringBuilder();
        if (withHeading)
        {
            text.Append(Heading.For(language));
        }
        // One finding without a heading reads as a sentence; a list needs its bullets.
        var bullet = withHeading || findings.Count > 1 ? "- " : "";
        foreach (var finding in findings)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            // A finding's message is plain text quoting the paste (paths, hosts): marked so no channel makes a link of it.
            text.Append(bullet).Append(Formatting.MarkdownLiteral.Quote(finding.Message.For(language)));
        }
        // The fixes together in one block after the list: one copy and paste, in the order the findings came.
        var fixes = findings.Select(f => f.Fix).OfType<string>().Distinct(StringComparer.Ordinal).Where(showFix).ToList();
        if (fixes.Count > 0)
        {
            text.Append("\n```\n").AppendJoin('\n', fixes).Append("\n```");
        }
        return text.ToString();
    }
}
