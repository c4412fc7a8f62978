using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>Findings as the Markdown paragraph that opens a reply: what the output shows, each with its fix command.</summary>
internal static class FindingsText
{
    public static string Render(IReadOnlyList<Finding> findings, Language language, string heading) => Render(findings, language, heading, _ => true);

    /// <param name="heading">"What your output shows" (the phrase data's <c>findings-heading</c>); null for a quoted one-line
    /// error, which only a real paste earns.</param>
    /// <param name="showFix">Asked for each fix command; false when the reply already shows that command elsewhere.</param>
    public static string Render(IReadOnlyList<Finding> findings, Language language, string? heading, Func<string, bool> showFix)
    {
        var text = new StringBuilder();
        if (heading is not null)
        {
            text.Append(heading);
        }
        // One finding without a heading reads as a sentence; a list needs its bullets.
        var bullet = heading is not null || findings.Count > 1 ? "- " : "";
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
