using System.Text;
using SshSupportBot.Conversations;

namespace SshSupportBot.Cli;

/// <summary>Markdown pipe tables as columns aligned by display width (a CJK character takes two terminal cells).</summary>
internal static class TerminalTable
{
    public static string AlignTables(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var output = new StringBuilder();
        var inCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode && MarkdownTable.TryRead(lines, i, out var end) is { } table)
            {
                output.Append(Render(table));
                i = end - 1;
                continue;
            }
            output.Append(lines[i]).Append('\n');
        }
        return output.ToString().TrimEnd('\n');
    }

    private static string Render(MarkdownTable table)
    {
        var rows = new List<IReadOnlyList<string>> { table.Header };
        rows.AddRange(table.Rows);
        var widths = Enumerable.Range(0, table.Header.Count).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(string.Join(" | ", rows[r].Select((cell, c) => Pad(cell, c == widths.Length - 1 ? 0 : widths[c])))).Append('\n');
            if (r == 0)
            {
                text.Append(string.Join("-+-", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Pad(string cell, int width) => cell + new string(' ', Math.Max(0, width - Width(cell)));

    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1FAFF;
}
