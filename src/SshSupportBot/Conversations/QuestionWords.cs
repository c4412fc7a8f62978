namespace SshSupportBot.Conversations;

/// <summary>
/// Whether a turn asks something, in either language: a question mark after a few words, or the way questions
/// start or end ("how do I …", "…ですか", "…教えて"). Used where a turn could also be an answer to the bot.
/// </summary>
internal static class QuestionWords
{
    private const int MinWordsWithMark = 4;

    private static readonly string[] EnglishStarts =
        ["how ", "what ", "why ", "where ", "which ", "who ", "when ", "can i ", "can you ", "could you ", "should i ", "do i ", "does ", "is there ", "is it "];

    private static readonly string[] JapaneseMarks = ["ですか", "ますか", "でしょうか", "教えて", "どうやって", "どこで", "どこに", "何ですか", "なんですか", "とは"];

    public static bool IsQuestion(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 500)
        {
            return false;
        }
        var lower = trimmed.ToLowerInvariant();
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if ((lower.EndsWith('?') || lower.EndsWith('？')) && (words >= MinWordsWithMark || lower.Any(c => c > '\u3000')))
        {
            return true;
        }
        return EnglishStarts.Any(s => lower.StartsWith(s, StringComparison.Ordinal)) || JapaneseMarks.Any(m => lower.Contains(m, StringComparison.Ordinal));
    }
}
