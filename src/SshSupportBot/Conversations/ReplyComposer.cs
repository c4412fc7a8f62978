using SshSupportBot.Dialogue;
using SshSupportBot.Languages;
using System.Text;
using System.Text.RegularExpressions;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;

namespace SshSupportBot.Conversations;

/// <summary>
/// Composes a reply's parts into one Markdown text that says each thing once: the live check first, then the
/// findings, then the answer, and a command already shown above is not shown again below (issue 14).
/// </summary>
internal static partial class ReplyComposer
{
    private const string Fence = "```";

    public static string Compose(ReplyParts parts, Language language, BotPhrases phrases)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<string>();
        if (parts.Advice is { } advice)
        {
            var text = new StringBuilder(advice.Heading).Append('\n').Append(advice.Body);
            if (advice.Fix is { } fix && FirstShowing(fix, shown))
            {
                text.Append('\n').Append(Fence).Append('\n').Append(fix).Append('\n').Append(Fence);
            }
            blocks.Add(text.ToString());
        }
        if (parts.Findings.Count > 0)
        {
            blocks.Add(FindingsText.Render(parts.Findings, language, parts.Pasted ? phrases.Get("findings-heading", language) : null, fix => FirstShowing(fix, shown)));
        }
        // When a paste already gave the fix, the answer adds only its opening "why"; the rest is behind "More".
        // A typed one-line error is a question, and gets the short answer.
        var answerText = parts.Pasted && parts.Findings.Any(f => f.Fix is not null) ? Opening(parts.Answer) : parts.Answer;
        if (WithoutShownCommands(answerText, shown) is { Length: > 0 } answer)
        {
            blocks.Add(answer);
        }
        return string.Join("\n\n", blocks);
    }

    /// <summary>
    /// The answer's first paragraph, up to its first blank line or code block; when a code block ends it, the sentence
    /// that leads into the left-out block ("Fix them on your own computer:", 「次のように直してください。」) goes too.
    /// </summary>
    public static string Opening(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n").TrimStart('\n');
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        var fence = text.IndexOf(Fence, StringComparison.Ordinal);
        var endsAtCode = fence >= 0 && (blank < 0 || fence < blank);
        var opening = text[..(endsAtCode ? fence : blank >= 0 ? blank : text.Length)].TrimEnd();
        if (endsAtCode)
        {
            var body = opening.TrimEnd(':', '：', '。', '.');
            var previous = Math.Max(body.LastIndexOf(". ", StringComparison.Ordinal) + 1, body.LastIndexOf('。') + 1);
            opening = previous > 0 ? opening[..previous].TrimEnd() : opening;
        }
        return opening;
    }

    /// <summary>True when the command has not been shown yet in this reply (and marks it shown).</summary>
    private static bool FirstShowing(string command, HashSet<string> shown)
    {
        var fresh = false;
        foreach (var key in command.Split('\n').Select(CommandKey).Where(k => k.Length > 0))
        {
            fresh |= shown.Add(key);
        }
        return fresh;
    }

    /// <summary>The Markdown with every code line that was already shown removed; a block left empty is removed whole.</summary>
    private static string WithoutShownCommands(string markdown, HashSet<string> shown)
    {
        var output = new StringBuilder();
        List<string>? block = null;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith(Fence, StringComparison.Ordinal))
            {
                if (block is null)
                {
                    block = [line];
                    continue;
                }
                var kept = block.Skip(1).Where(l => CommandKey(l) is var key && (key.Length == 0 || shown.Add(key))).ToList();
                if (kept.Any(l => CommandKey(l).Length > 0))
                {
                    output.Append(block[0]).Append('\n');
                    foreach (var code in kept)
                    {
                        output.Append(code).Append('\n');
                    }
                    output.Append(line).Append('\n');
                }
                block = null;
                continue;
            }
            if (block is not null)
            {
                block.Add(line);
            }
            else
            {
                output.Append(line).Append('\n');
            }
        }
        if (block is not null)
        {
            // An unclosed fence: keep what the admin wrote rather than lose it.
            output.AppendJoin('\n', block).Append('\n');
        }
        return BlankRuns().Replace(output.ToString(), "\n\n").Trim('\n');
    }

    /// <summary>
    /// A command's identity for "shown already": quotes, spacing and the user's own home path do not make a second
    /// command (<c>chmod 600 '/home/taro/.ssh/id_ed25519'</c> is <c>chmod 600 ~/.ssh/id_ed25519</c>).
    /// </summary>
    public static string CommandKey(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return "";
        }
        text = text.Replace("'", "").Replace("\"", "");
        text = HomePath().Replace(text, "~/");
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex(@"(?:/home/|/Users/)[^/\s]+/|\$HOME/", RegexOptions.CultureInvariant)]
    private static partial Regex HomePath();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankRuns();
}
