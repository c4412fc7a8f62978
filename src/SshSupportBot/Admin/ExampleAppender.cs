using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Intents;

namespace SshSupportBot.Admin;

/// <summary>
/// Adds one example to an intent file as text, after the last item of its <c>examples: ja:</c> or <c>en:</c> list,
/// so that the admin's comments, ordering and layout survive (a YAML round trip would drop them).
/// </summary>
internal static class ExampleAppender
{
    /// <returns>The new file text, or an error message naming the file and the fix.</returns>
    public static (string? Text, string? Error) Append(string fileText, string fileName, Language language, string example)
    {
        var newline = fileText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = fileText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var examples = lines.FindIndex(l => IsKey(l, "examples") && Indent(l) == 0);
        if (examples < 0)
        {
            return (null, $"{fileName}: there is no top-level 'examples:' key. Add 'examples:' with 'ja:' and 'en:' lists first.");
        }
        var code = language.Code();
        var listKey = -1;
        for (var i = examples + 1; i < lines.Count && (IsBlankOrComment(lines[i]) || Indent(lines[i]) > 0); i++)
        {
            if (IsKey(lines[i], code))
            {
                listKey = i;
                break;
            }
        }
        if (listKey < 0)
        {
            return (null, $"{fileName}: 'examples:' has no block list '{code}:'. Add '{code}:' with one '- example' per line under 'examples:'.");
        }
        var keyIndent = Indent(lines[listKey]);
        int? itemIndent = null;
        var last = listKey;
        for (var i = listKey + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsBlankOrComment(line))
            {
                continue;
            }
            if (Indent(line) <= keyIndent && !line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                break;
            }
            if (Indent(line) < keyIndent)
            {
                break;
            }
            itemIndent ??= line.TrimStart().StartsWith('-') ? Indent(line) : null;
            last = i;
        }
        if (itemIndent is null)
        {
            return (null, $"{fileName}: 'examples: {code}:' is not a block list ('- example' lines). Rewrite it as one '- example' per line.");
        }
        lines.Insert(last + 1, new string(' ', itemIndent.Value) + "- " + Quote(example));
        return (string.Join(newline, lines), null);
    }

    /// <summary>A double-quoted YAML scalar: safe whatever the text holds (':', '#', quotes, leading '-').</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    private static bool IsKey(string line, string key)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith(key + ":", StringComparison.Ordinal))
        {
            return false;
        }
        var rest = trimmed[(key.Length + 1)..].Trim();
        return rest.Length == 0 || rest.StartsWith('#');
    }

    private static bool IsBlankOrComment(string line) => line.Trim() is "" || line.TrimStart().StartsWith('#');

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
