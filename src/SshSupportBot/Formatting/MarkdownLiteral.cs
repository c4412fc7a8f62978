using System.Text;

namespace SshSupportBot.Formatting;

/// <summary>
/// User text (a question, a pasted path or host) placed inside the bot's own Markdown. The reply Markdown is
/// channel-neutral, so user text is marked rather than escaped for one channel: every character that could start
/// a link, a mention, HTML or a code span (<c>[ ] &lt; &gt; &amp; `</c>), and the colon of <c>://</c>, is written
/// with a backslash in front. Each channel's renderer turns those escapes into its own inert form (Slack:
/// <see cref="Slack.SlackMrkdwn"/>; Teams: <see cref="Teams.TeamsMarkdown"/>; a terminal: <see cref="Unescape"/>).
/// Other characters are left alone so that paths such as <c>C:\Users\taro\.ssh</c> read as pasted.
/// </summary>
internal static class MarkdownLiteral
{
    public const char Escape = '\\';

    /// <summary>Characters that carry an escape in front of them in the reply Markdown.</summary>
    public static bool IsEscaped(char c) => c is '[' or ']' or '<' or '>' or '&' or '`' or ':' or Escape;

    public static string Quote(string userText)
    {
        var text = new StringBuilder(userText.Length + 8);
        for (var i = 0; i < userText.Length; i++)
        {
            var c = userText[i];
            var next = i + 1 < userText.Length ? userText[i + 1] : '\0';
            var escape = c switch
            {
                '[' or ']' or '<' or '>' or '&' or '`' => true,
                // Breaks "scheme://" so that no renderer sees a URL to link.
                ':' => string.CompareOrdinal(userText, i + 1, "//", 0, 2) == 0,
                // A backslash is only ambiguous right before a character that is escaped, or at the very end.
                Escape => next == '\0' || IsEscaped(next),
                _ => false,
            };
            if (escape)
            {
                text.Append(Escape);
            }
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>The reply Markdown with the user text as it was typed, for renderers that show text as is (a terminal).</summary>
    public static string Unescape(string markdown) => RenderEscapes(markdown, c => c.ToString());

    /// <summary>Each escape outside code replaced by what <paramref name="render"/> makes of its character; code is left as written.</summary>
    public static string RenderEscapes(string markdown, Func<char, string> render)
    {
        if (!markdown.Contains(Escape, StringComparison.Ordinal))
        {
            return markdown;
        }
        var lines = markdown.Split('\n');
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                lines[i] = RenderEscapesInLine(lines[i], render);
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>One line of prose: escapes rendered, inline code spans kept as written (escapes mean nothing inside code).</summary>
    public static string RenderEscapesInLine(string line, Func<char, string> render)
    {
        if (!line.Contains(Escape, StringComparison.Ordinal))
        {
            return line;
        }
        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == Escape && i + 1 < line.Length && IsEscaped(line[i + 1]))
            {
                text.Append(render(line[++i]));
            }
            else if (c == '`' && line.IndexOf('`', i + 1) is var close and > 0)
            {
                text.Append(line, i, close - i + 1);
                i = close;
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
