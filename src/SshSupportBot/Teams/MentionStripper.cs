using System.Text.RegularExpressions;

namespace SshSupportBot.Teams;

/// <summary>Teams puts "&lt;at&gt;Bot name&lt;/at&gt;" into the text when a user @-mentions the bot in a channel.</summary>
internal static partial class MentionStripper
{
    public static string Strip(string text) => Mention().Replace(text, " ").Trim();

    // Bounded, so a message full of "<at>" without "</at>" costs linear time instead of a scan to the end from every "<at".
    [GeneratedRegex("<at[^>]{0,200}>.{0,500}?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
