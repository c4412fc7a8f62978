using System.Text.RegularExpressions;

namespace SshSupportBot.Conversations;

/// <summary>
/// A pipe table as admins write it in answers (<c>| a | b |</c>, then <c>|---|---|</c>, then rows). Chat clients do
/// not render it, so each channel turns it into what it shows well: a list in Slack, an Adaptive Card table in
/// Teams, aligned columns in a terminal.
/// </summary>
internal sealed partial record MarkdownTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Reads a table starting at <paramref name="start"/>; <paramref name="end"/> is the first line after it.</summary>
    public static MarkdownTable? TryRead(IReadOnlyList<string> lines, int start, out int end)
    {
        end = start;
        if (start + 1 >= lines.Count || !IsRow(lines[start]) || !Separator().IsMatch(lines[start + 1]))
        {
            return null;
        }
        var header = Cells(lines[start]);
        var rows = new List<IReadOnlyList<string>>();
        end = start + 2;
        while (end < lines.Count && IsRow(lines[end]))
        {
            var cells = Cells(lines[end]);
            // Ragged rows are padded or cut to the header's width, so every renderer can index by column.
            rows.Add(Enumerable.Range(0, header.Count).Select(i => i < cells.Count ? cells[i] : "").ToList());
            end++;
        }
        return new MarkdownTable(header, rows);
    }

    public static bool IsRow(string line) => line.TrimStart().StartsWith('|');

    private static List<string> Cells(string line)
    {
        var text = line.Trim();
        text = text.StartsWith('|') ? text[1..] : text;
        text = text.EndsWith('|') ? text[..^1] : text;
        return text.Split('|').Select(c => c.Trim()).ToList();
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
