namespace SshSupportBot.Diagnostics;

/// <summary>
/// What the user pasted, as the lines their terminal showed (see <see cref="PasteNormalizer"/>), so analyzers see
/// plain ssh output whatever chat client, forum, log file or JSON wrapper it came through.
/// </summary>
internal sealed class PastedText
{
    public PastedText(string raw)
    {
        Raw = raw;
        Lines = PasteNormalizer.Lines(raw);
        Text = string.Join('\n', Lines);
    }

    public string Raw { get; }

    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }
}
