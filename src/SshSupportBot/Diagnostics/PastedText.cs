using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// What the user pasted, with line endings unified, Slack code fences removed and Slack's auto-links
/// (<c>&lt;mailto:u@gw…|u@gw…&gt;</c>) turned back into the text the user typed, so analyzers see plain lines.
/// </summary>
internal sealed partial class PastedText
{
    public PastedText(string raw)
    {
        Raw = raw;
        var unified = UnwrapSlackLinks(raw.Replace("\r\n", "\n").Replace('\r', '\n').Replace("```", "\n"));
        Lines = unified.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Text = string.Join('\n', Lines);
    }

    public string Raw { get; }

    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }

    // Slack rewrites "taro@gw.ddbj.nig.ac.jp" outside code blocks as "<mailto:taro@gw.ddbj.nig.ac.jp|taro@gw.ddbj.nig.ac.jp>".
    private static string UnwrapSlackLinks(string text)
    {
        if (!text.Contains("<mailto:", StringComparison.Ordinal) && !text.Contains("<http", StringComparison.Ordinal))
        {
            return text;
        }
        try
        {
            return SlackLink().Replace(text, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"<(?:mailto:|https?://)(?<target>[^|>\s]{1,500})(?:\|(?<label>[^>\n]{1,500}))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlackLink();
}
