using System.Text;
using System.Text.RegularExpressions;
using SshSupportBot.Conversations;
using SshSupportBot.Formatting;

namespace SshSupportBot.Slack;

/// <summary>
/// Markdown as written in the knowledge base → Slack's mrkdwn dialect. Code blocks pass through untouched.
/// A single <c>*x*</c> is left as is: the answers already use it for emphasis, which Slack shows bold.
/// <see cref="Escape"/> is the Slack escaping (Slack's own rule: only &amp;, &lt; and &gt;), applied to all text, so no
/// <c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c> or <c>&lt;url|label&gt;</c> can come from a reply's text; user text
/// quoted with <see cref="MarkdownLiteral"/> is never turned into a link either.
/// Slack has no tables: a pipe table becomes a list, one row per item, its cells labelled by the header.
/// </summary>
internal static partial class SlackMrkdwn
{
    public const string Fence = "```";

    /// <summary>The answer cut into prose and fenced code parts, each already converted, in order.</summary>
    public static IReadOnlyList<(string Text, bool IsCode)> Convert(string markdown)
    {
        var parts = new List<(string, bool)>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var prose = new StringBuilder();
        StringBuilder? code = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var raw = lines[index];
            if (code is null && MarkdownTable.TryRead(lines, index, out var afterTable) is { } table)
            {
                foreach (var row in table.Rows)
                {
                    prose.Append(Line(ListItem(table.Header, row))).Append('\n');
                }
                index = afterTable - 1;
                continue;
            }
            var trimmed = raw.TrimStart();
            if (trimmed.StartsWith(Fence, StringComparison.Ordinal))
            {
                if (code is null)
                {
                    Flush(prose, parts);
                    code = new StringBuilder();
                }
                else
                {
                    parts.Add((Escape(code.ToString().TrimEnd('\n')), true));
                    code = null;
                }
                continue;
            }
            if (code is not null)
            {
                code.Append(raw).Append('\n');
            }
            else
            {
                prose.Append(Line(raw)).Append('\n');
            }
        }
        if (code is not null)
        {
            // An unclosed fence: keep the text as code rather than lose it.
            parts.Add((Escape(code.ToString().TrimEnd('\n')), true));
        }
        Flush(prose, parts);
        return parts;
    }

    private static void Flush(StringBuilder prose, List<(string, bool)> parts)
    {
        var text = prose.ToString().Trim('\n');
        if (text.Trim().Length > 0)
        {
            parts.Add((text, false));
        }
        prose.Clear();
    }

    /// <summary>Longer lines are only escaped: the lazy patterns below cost the square of a line's length.</summary>
    private const int MaxConvertedLine = 2000;

    private static string Line(string line)
    {
        // User text arrives escaped (MarkdownLiteral); its characters are set aside as placeholders so that no
        // conversion below can read them as a link, and come back entity-escaped at the end.
        var text = Escape(MarkdownLiteral.RenderEscapesInLine(line, c => ((char)(PlaceholderBase + c)).ToString()));
        if (text.Length > MaxConvertedLine)
        {
            return Restore(text);
        }
        var heading = Heading().Match(text);
        if (heading.Success)
        {
            return Restore("*" + heading.Groups[1].Value.Trim().Replace("*", "") + "*");
        }
        text = Bullet().Replace(text, "$1• ");
        // Inline code spans are left alone; everything else is converted around them.
        var pieces = InlineCode().Split(text);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].StartsWith('`'))
            {
                continue;
            }
            var piece = Link().Replace(pieces[i], "<$2|$1>");
            piece = Bold().Replace(piece, "\u0001$1\u0001");
            piece = BoldUnderscore().Replace(piece, "\u0001$1\u0001");
            pieces[i] = piece.Replace('\u0001', '*');
        }
        return Restore(string.Concat(pieces));
    }

    // Private-use characters standing for escaped ASCII; any such character in the text comes back as inert ASCII.
    private const int PlaceholderBase = 0xF700;

    private static string Restore(string text)
    {
        var restored = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= (char)PlaceholderBase and < (char)(PlaceholderBase + 128))
            {
                restored.Append(Escape(((char)(c - PlaceholderBase)).ToString()));
            }
            else
            {
                restored.Append(c);
            }
        }
        return restored.ToString();
    }

    /// <summary>"- first cell — header: cell · header: cell", skipping empty cells.</summary>
    private static string ListItem(IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        var labelled = row.Skip(1).Select((cell, i) => (Label: header[i + 1], Cell: cell)).Where(c => c.Cell.Length > 0).Select(c => $"{c.Label}: {c.Cell}");
        return $"- {row[0]} — {string.Join(" · ", labelled)}";
    }

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\s*)[-*+]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(`[^`]+`)")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s]+|mailto:[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"__(.+?)__")]
    private static partial Regex BoldUnderscore();
}
