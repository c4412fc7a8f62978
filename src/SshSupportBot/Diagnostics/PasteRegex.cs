using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Matching that cannot hang on a hostile or huge paste: over-long lines are skipped (no real OpenSSH line
/// is that long) and a regex that times out counts as no match instead of failing the whole answer.
/// </summary>
internal static class PasteRegex
{
    public const int MaxLineLength = 4096;

    public static bool TryMatch(Regex regex, string line, out Match match)
    {
        match = Match.Empty;
        if (line.Length > MaxLineLength)
        {
            return false;
        }
        try
        {
            match = regex.Match(line);
            return match.Success;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static IEnumerable<Match> MatchLines(PastedText paste, Regex regex, string? mustContain = null)
    {
        foreach (var line in paste.Lines)
        {
            if (mustContain is not null && !line.Contains(mustContain, StringComparison.Ordinal))
            {
                continue;
            }
            if (TryMatch(regex, line, out var match))
            {
                yield return match;
            }
        }
    }
}
