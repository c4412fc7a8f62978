namespace SshSupportBot.Diagnostics;

/// <summary>
/// How much of a very long paste the bot reads. ssh writes the command line first and the decisive error last, so a
/// long paste keeps its beginning and its end and loses the middle (usually -vvv packet traces).
/// </summary>
internal static class PasteWindow
{
    public const int MaxCharacters = 1_000_000;
    private const int Head = 100_000;

    /// <summary>What the classifier reads: a few thousand characters are enough to tell a question from an error.</summary>
    private const int ClassifierHead = 1_000;
    private const int ClassifierTail = 3_000;

    public static string Trim(string text) => Window(text, Head, MaxCharacters - Head);

    public static string ForClassifier(string text) => Window(text, ClassifierHead, ClassifierTail);

    private static string Window(string text, int head, int tail)
    {
        if (text.Length <= head + tail)
        {
            return text;
        }
        // Never cut an emoji or a rare kanji (a surrogate pair) in half: a lone surrogate breaks Unicode normalisation.
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }
        var tailStart = text.Length - tail;
        if (char.IsLowSurrogate(text[tailStart]))
        {
            tailStart++;
        }
        return string.Concat(text.AsSpan(0, head), "\n", text.AsSpan(tailStart));
    }
}
