namespace SshSupportBot.Diagnostics;

/// <summary>What the user pasted, with line endings unified and Slack code fences removed, so analyzers see plain lines.</summary>
internal sealed class PastedText
{
    public PastedText(string raw)
    {
        Raw = raw;
        var unified = raw.Replace("\r\n", "\n").Replace('\r', '\n').Replace("```", "\n");
        Lines = unified.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Text = string.Join('\n', Lines);
    }

    public string Raw { get; }

    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }
}
