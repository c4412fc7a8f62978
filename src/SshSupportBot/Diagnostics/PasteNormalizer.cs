using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Turns a paste back into the lines the user's terminal showed, before any analyzer reads it: what chat and forum
/// rewriting (Slack links, Markdown links, HTML entities, typographic quotes, code fences), wrappers (JSON strings
/// with escaped line ends, log and VS Code prefixes, quote markers, indentation) and narrow consoles (lines wrapped
/// mid-word) did to it. Every step is one pass over the text or a bounded, anchored match per line.
/// </summary>
internal static partial class PasteNormalizer
{
    // A console wraps at its width (80 in Git for Windows' and the classic Windows console); a wrapped line is that long.
    private const int WrapMinimum = 70;
    private const int WrapMaximum = 80;

    // A forum or e-mail client wraps at a word and leaves the space at the end of a long line.
    private const int SoftBreakMinimum = 50;

    public static IReadOnlyList<string> Lines(string raw)
    {
        var text = raw.Replace("\r\n", "\n").Replace('\r', '\n');
        text = Characters(text);
        text = DecodeEntities(text);
        text = UnwrapSlackLinks(text);
        text = UnwrapMarkdownLinks(text);
        var lines = new List<string>();
        foreach (var line in text.Replace("```", "\n").Split('\n'))
        {
            // Runs of blank lines carry nothing and would make every analyzer walk them; one is kept.
            if (line.Length == 0 && lines.Count > 0 && lines[^1].Length == 0)
            {
                continue;
            }
            lines.AddRange(UnescapeJsonString(line));
        }
        var softBreaks = lines.Select(l => l.Length >= SoftBreakMinimum && l.EndsWith(' ')).ToList();
        var stripped = Dedent(lines.Select(StripPrefixes).ToList());
        return Rejoin(stripped, softBreaks);
    }

    /// <summary>Typographic quotes back to ASCII, invisible spaces to spaces: what a chat client or word processor replaced.</summary>
    private static string Characters(string text)
    {
        if (!text.Any(c => c > '\u007f'))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201a' or '\u201b' or '\u2032':
                    builder.Append('\'');
                    break;
                case '\u201c' or '\u201d' or '\u201e' or '\u201f' or '\u2033':
                    builder.Append('"');
                    break;
                case '\u00a0' or '\u2007' or '\u202f':
                    builder.Append(' ');
                    break;
                case '\u200b' or '\u200c' or '\u200d' or '\ufeff':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    // Slack escapes <, > and & as entities; forums and e-mail add &quot; and numeric ones.
    private static string DecodeEntities(string text) =>
        text.Contains('&', StringComparison.Ordinal) && text.Contains(';', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;

    // Slack sends "taro@gw.ddbj.nig.ac.jp" as "<mailto:taro@gw.ddbj.nig.ac.jp|taro@gw.ddbj.nig.ac.jp>" and host names as "<http://host|host>".
    private static string UnwrapSlackLinks(string text) =>
        text.Contains("<mailto:", StringComparison.Ordinal) || text.Contains("<http", StringComparison.Ordinal)
            ? SafeReplace(SlackLink(), text, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value)
            : text;

    // A forum renders a host as "[host](http://host/)", which the user then copies back with the brackets.
    private static string UnwrapMarkdownLinks(string text) =>
        text.Contains("](", StringComparison.Ordinal) ? SafeReplace(MarkdownLink(), text, m => m.Groups["label"].Value) : text;

    /// <summary>
    /// Ansible, AWX and CI tools print ssh's stderr inside a JSON string, with its line ends as <c>\r\n</c>. Only a
    /// line that shows such an escaped line end (or a JSON "msg" field) is unescaped, because OpenSSH itself prints
    /// Windows paths with doubled backslashes and a domain user such as <c>wbi\nxf91795</c> is not a line end.
    /// </summary>
    private static IEnumerable<string> UnescapeJsonString(string line)
    {
        var escapedCrLf = line.Contains("\\r\\n", StringComparison.Ordinal);
        var jsonField = line.Contains("\\n", StringComparison.Ordinal) && (line.Contains("\"msg\"", StringComparison.Ordinal)
            || line.Contains("\"stderr\"", StringComparison.Ordinal) || line.Contains("\"stdout\"", StringComparison.Ordinal));
        if (!escapedCrLf && !jsonField)
        {
            return [line];
        }
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 == line.Length)
            {
                builder.Append(line[i]);
                continue;
            }
            var next = line[++i];
            builder.Append(next switch
            {
                'n' => "\n",
                'r' => "",
                't' => "\t",
                '"' => "\"",
                '\\' => "\\",
                _ => "\\" + next,
            });
        }
        return builder.ToString().Split('\n');
    }

    /// <summary>Log, VS Code and quoting prefixes in front of what ssh printed, removed until none is left (at most a few).</summary>
    private static string StripPrefixes(string line)
    {
        line = line.TrimEnd();
        if (line.Length == 0 || line.Length > PasteRegex.MaxLineLength)
        {
            return line;
        }
        for (var pass = 0; pass < 4; pass++)
        {
            var before = line;
            if (line.StartsWith('`') || line.EndsWith('`'))
            {
                line = line.Trim('`');
            }
            if (MayHavePrefix(line) && PasteRegex.TryMatch(Prefix(), line, out var m) && m.Length > 0)
            {
                line = line[m.Length..];
            }
            if (line == before)
            {
                break;
            }
        }
        return line;
    }

    // Every prefix starts with one of these (or is a lower-case log name before sshd[…] or (local-exec)); most lines of ssh output do not.
    private static bool MayHavePrefix(string line) =>
        line.Length > 0 && (line[0] is '[' or '>' or '{' or 's' || char.IsAsciiDigit(line[0]) || char.IsAsciiLetterUpper(line[0])
            || (char.IsAsciiLetterLower(line[0]) && (line.Contains("sshd", StringComparison.Ordinal) || line.Contains("(local-exec)", StringComparison.Ordinal))));

    /// <summary>Removes the indentation every line shares (a paste indented as a Markdown code block), keeping relative indentation (icacls continuation lines).</summary>
    private static List<string> Dedent(List<string> lines)
    {
        var common = int.MaxValue;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }
            common = Math.Min(common, indent);
        }
        return common is 0 or int.MaxValue ? lines : lines.Select(l => l.Length >= common ? l[common..] : l).ToList();
    }

    /// <summary>
    /// Joins a line a console or a forum wrapped: the first part fills the console's width (or ended in the space the
    /// wrap replaced) and the rest starts in lower case, not as a line of its own (<c>debug1:</c>, <c>drwx------</c>).
    /// </summary>
    private static IReadOnlyList<string> Rejoin(List<string> lines, List<bool> softBreaks)
    {
        var joined = new List<string>(lines.Count);
        var previousSoftBreak = false;
        var previousFills = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (joined.Count > 0 && (previousFills || previousSoftBreak) && IsContinuation(joined[^1], line))
            {
                joined[^1] = previousSoftBreak ? joined[^1] + " " + line : joined[^1] + line;
                previousFills = false;
                previousSoftBreak = false;
                continue;
            }
            joined.Add(line);
            previousFills = line.Length is >= WrapMinimum and <= WrapMaximum;
            previousSoftBreak = softBreaks[i];
        }
        return joined;
    }

    private static bool IsContinuation(string previous, string line) =>
        line.Length > 0 && previous.Length > 0 && char.IsAsciiLetterLower(line[0]) && !previous.EndsWith('.') && !StartsOwnLine(line) && !IsKeywordLine(previous);

    // ssh -G prints "keyword value" lines ("user taro", "hostkeyalgorithms ssh-ed25519,…"): one long one is not wrapped.
    private static bool IsKeywordLine(string line)
    {
        var space = line.IndexOf(' ');
        return space > 0 && line.AsSpan(0, space).ToString().All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
    }

    // "debug1: …", "ssh: …", "sign_and_send_pubkey: …", "drwx------ …": lines ssh and ls start themselves.
    private static bool StartsOwnLine(string line)
    {
        var colon = line.IndexOf(':');
        var space = line.IndexOf(' ');
        if (colon > 0 && (space < 0 || colon < space))
        {
            return true;
        }
        return line.Length >= 10 && line[1..10].All(c => c is 'r' or 'w' or 'x' or '-' or 's' or 't' or 'S' or 'T');
    }

    private static string SafeReplace(Regex regex, string text, MatchEvaluator evaluator)
    {
        try
        {
            return regex.Replace(text, evaluator);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"<(?:mailto:|https?://)(?<target>[^|>\s]{1,500})(?:\|(?<label>[^>\n]{1,500}))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlackLink();

    [GeneratedRegex(@"\[(?<label>[^\[\]\n]{1,300})\]\((?:https?://|mailto:)[^\s()]{0,500}\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkdownLink();

    // One prefix at a time, anchored, no nested quantifiers:
    //   "[16:41:34.891] ", "[16:41:34.891] > ", "stderr> ", "> " (quote / VS Code continuation), "[stderr] ", "[ERROR]  ",
    //   "2576 15:25:27:432 " (Windows sshd), "Feb  6 02:32:46 host sshd[1615]: " (syslog), "auth.info sshd[37]: ",
    //   "2024-01-02T03:04:05.678Z " (CI), "{guid} stderr: " (sshfs-win), "null_resource.x[1] (local-exec): " (Terraform).
    [GeneratedRegex(@"^(?:\[\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?\] ?|(?:std(?:err|out))?> ?|\[(?:stderr|stdout|ERROR|WARN|WARNING|INFO|DEBUG)\]\s{1,4}|\d{1,6} \d{2}:\d{2}:\d{2}[:. ]\d{3} (?:error: )?|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [^\s:]{1,100} [\w./-]{1,60}(?:\[\d{1,10}\])?: |(?:[a-z]{1,20}\.[a-z]{1,20} )?sshd(?:-session)?\[\d{1,10}\]: |\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z? |\{[0-9a-fA-F-]{36}\} (?:stderr|stdout): |[\w.-]{1,100}\[\d{1,6}\] \(local-exec\): )", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Prefix();
}
