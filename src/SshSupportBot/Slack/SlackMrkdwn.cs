using System.Text;
using System.Text.RegularExpressions;

namespace SshSupportBot.Slack;

/// <summary>
/// Markdown as written in the knowledge base → Slack's mrkdwn dialect. Code blocks pass through untouched.
/// A single <c>*x*</c> is left as is: the answers already use it for emphasis, which Slack shows bold.
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
        foreach (var raw in lines)
        {
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
        var text = Escape(line);
        if (text.Length > MaxConvertedLine)
        {
            return text;
        }
        var heading = Heading().Match(text);
        if (heading.Success)
        {
            return "*" + heading.Groups[1].Value.Trim().Replace("*", "") + "*";
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
        return string.Concat(pieces);
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
