using System.Text.RegularExpressions;

namespace SshSupportBot.Probes;

/// <summary>
/// The account name goes onto a command line on the gateway, so only POSIX-portable names pass: lower-case letters,
/// digits, '_' and '-', not starting with '-' (which would read as an option), at most 32 characters.
/// </summary>
internal static partial class AccountName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
