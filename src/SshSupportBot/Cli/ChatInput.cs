namespace SshSupportBot.Cli;

/// <summary>
/// Reads one turn of the terminal chat. A paste of several lines (blank lines included) must arrive as one turn: a
/// terminal marks it with bracketed-paste sequences; a script or a user can wrap it in '&lt;&lt;&lt;' and '&gt;&gt;&gt;' lines.
/// </summary>
internal sealed class ChatInput(TextReader reader, bool interactive)
{
    public const string OpenPaste = "<<<";
    public const string ClosePaste = ">>>";
    public const string EnableBracketedPaste = "\u001b[?2004h";
    public const string DisableBracketedPaste = "\u001b[?2004l";

    private const string PasteStart = "\u001b[200~";
    private const string PasteEnd = "\u001b[201~";

    /// <summary>A runaway paste without its end marker stops here rather than growing without bound.</summary>
    private const int MaxPasteLines = 5_000;

    public string? ReadTurn()
    {
        var first = reader.ReadLine();
        if (first is null)
        {
            return null;
        }
        if (first.Trim() == OpenPaste)
        {
            return ReadUntil(line => line.Trim() == ClosePaste, null);
        }
        if (first.Contains(PasteStart, StringComparison.Ordinal))
        {
            var rest = first[(first.IndexOf(PasteStart, StringComparison.Ordinal) + PasteStart.Length)..];
            if (rest.Contains(PasteEnd, StringComparison.Ordinal))
            {
                return rest.Replace(PasteEnd, "", StringComparison.Ordinal);
            }
            return ReadUntil(line => line.Contains(PasteEnd, StringComparison.Ordinal), rest);
        }
        return interactive ? first.Replace(PasteEnd, "", StringComparison.Ordinal) : first;
    }

    private string ReadUntil(Func<string, bool> isEnd, string? firstLine)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(firstLine))
        {
            lines.Add(firstLine);
        }
        while (lines.Count < MaxPasteLines && reader.ReadLine() is { } line)
        {
            if (isEnd(line))
            {
                var end = line.IndexOf(PasteEnd, StringComparison.Ordinal);
                if (end > 0)
                {
                    lines.Add(line[..end]);
                }
                break;
            }
            lines.Add(line);
        }
        return string.Join('\n', lines);
    }
}
