namespace SshSupportBot.Transcripts;

/// <summary>
/// A conversation test as a person reads it (like Rasa's test stories). Lines:
/// <c>user: text</c>; <c>user: [Label]</c> presses the button with that label; <c>user: &lt;&lt;&lt;</c> … <c>&gt;&gt;&gt;</c> pastes several lines;
/// <c>bot: intent ID</c>, <c>bot: language ja</c>, <c>bot: contains "…"</c>, <c>bot: lacks "…"</c>, <c>bot: choice "…"</c>,
/// <c>bot: finding CODE</c>, <c>bot: step ID</c>, <c>bot: ended resolved|unresolved|handoff|none</c> check the last reply; <c>restart</c> stops the engine and starts a new one on the same database;
/// <c>#</c> starts a comment.
/// </summary>
internal sealed record Transcript(string Name, IReadOnlyList<TranscriptLine> Lines)
{
    public static Transcript Parse(string path) => Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllLines(path));

    public static Transcript Parse(string name, IReadOnlyList<string> raw)
    {
        var lines = new List<TranscriptLine>();
        for (var i = 0; i < raw.Count; i++)
        {
            var line = raw[i].TrimEnd();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line == "restart")
            {
                lines.Add(new TranscriptLine(number, "restart", ""));
            }
            else if (line == "user: <<<")
            {
                var paste = new List<string>();
                while (++i < raw.Count && raw[i].TrimEnd() != ">>>")
                {
                    paste.Add(raw[i]);
                }
                lines.Add(new TranscriptLine(number, "user", string.Join('\n', paste)));
            }
            else if (line.StartsWith("user: ", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine(number, "user", line["user: ".Length..]));
            }
            else if (line.StartsWith("bot: ", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine(number, "bot", line["bot: ".Length..]));
            }
            else
            {
                throw new FormatException($"{name}:{number}: cannot read '{line}'; lines start with 'user: ', 'bot: ', 'restart' or '#'.");
            }
        }
        return new Transcript(name, lines);
    }
}

internal sealed record TranscriptLine(int Number, string Kind, string Text);
