using SshSupportBot.Probes;

namespace SshSupportBot.Admin;

/// <summary>
/// The line in a hand-off summary that offers admins the server-side check: the user cannot see the gateway side of a
/// refused key themselves. Offered only when the check is configured, so the suggestion never leads to "not configured".
/// </summary>
internal static class ServerCheckOffer
{
    public static string Line(ServerCheckSettings? options) => options is { IsConfigured: true }
        ? $"• Server side: `admin check ACCOUNT` (the user's account) shows the modes and owners of home, ~/.ssh and authorized_keys on {options.Host}, with the fixes\n"
        : "";
}
