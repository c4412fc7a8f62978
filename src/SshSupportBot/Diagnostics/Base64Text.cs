namespace SshSupportBot.Diagnostics;

/// <summary>The character classes the key detector reads base64 bodies with.</summary>
internal static class Base64Text
{
    public static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';

    /// <summary>Spaces inside one line of a paste (a chat client may join a key's lines with spaces).</summary>
    public static bool IsBlank(char c) => c is ' ' or '\t';

    public static bool IsLineBreak(char c) => c is '\r' or '\n';

    public static bool IsSpace(char c) => IsBlank(c) || IsLineBreak(c);

    /// <summary>
    /// A short word that still looks like the last line of a base64 body ("AAAECAwQF", "Zg=="), not like "thanks":
    /// it has padding, a digit, '+' or '/', or a capital letter after its first character.
    /// </summary>
    public static bool LooksLikeBase64Tail(ReadOnlySpan<char> word)
    {
        if (word.Length < 4)
        {
            return false;
        }
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsAsciiDigit(c) || c is '+' or '/' or '=' || (i > 0 && char.IsAsciiLetterUpper(c)))
            {
                return true;
            }
        }
        return false;
    }
}
