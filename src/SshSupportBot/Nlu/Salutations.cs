using System.Text.RegularExpressions;

namespace SshSupportBot.Nlu;

/// <summary>
/// Japanese messages at work open with a salutation (お疲れ様です, お世話になっております) and English ones often
/// with "hi"; what follows is the question. Removed when enough of a message remains, so "お疲れ様です。つながりません"
/// is read as a connection problem and a bare "お疲れ様です" is still a greeting.
/// </summary>
internal static partial class Salutations
{
    private const int MinimumRemainder = 6;

    /// <param name="normalized">Text already through <see cref="TextNormalizer"/> (lower case, folded).</param>
    public static string StripLeading(string normalized)
    {
        Match match;
        try
        {
            match = Leading().Match(normalized);
        }
        catch (RegexMatchTimeoutException)
        {
            return normalized;
        }
        if (!match.Success)
        {
            return normalized;
        }
        var rest = normalized[match.Length..].TrimStart();
        return rest.Length >= MinimumRemainder ? rest : normalized;
    }

    [GeneratedRegex(@"^(?:(?:お疲れ様です|お疲れさまです|おつかれさまです|お疲れ様でございます|お世話になっております|お世話になります|いつもお世話になっております|こんにちは|こんばんは|おはようございます|すみません|失礼します|hi|hello|hey|dear all|good (?:morning|afternoon|evening))(?:\s*(?:team|all|everyone|さん|様))?[\s、。,.!！~ー-]*)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Leading();
}
