namespace SshSupportBot.Diagnostics;

internal enum SshPathRole
{
    Other,
    Home,
    SshDirectory,
    PrivateKey,
    PublicKey,
    AuthorizedKeys,
    KnownHosts,
    Config,
}

/// <summary>What a path is for SSH, judged from its name and place, since a listing shows no file contents.</summary>
internal static class SshPathRoles
{
    public static SshPathRole Of(PermissionEntry entry, IReadOnlySet<string> homes)
    {
        var path = entry.Path.TrimEnd('/');
        if (homes.Contains(path))
        {
            return SshPathRole.Home;
        }
        if (entry.Name == ".ssh")
        {
            return entry.IsDirectory ? SshPathRole.SshDirectory : SshPathRole.Other;
        }
        if (entry.IsDirectory || entry.Parent is not { } parent || !(parent == ".ssh" || parent.EndsWith("/.ssh", StringComparison.Ordinal)))
        {
            return SshPathRole.Other;
        }
        var name = entry.Name;
        if (name is "authorized_keys" or "authorized_keys2")
        {
            return SshPathRole.AuthorizedKeys;
        }
        if (name.StartsWith("known_hosts", StringComparison.Ordinal))
        {
            return SshPathRole.KnownHosts;
        }
        if (name == "config")
        {
            return SshPathRole.Config;
        }
        if (name.EndsWith(".pub", StringComparison.Ordinal))
        {
            return SshPathRole.PublicKey;
        }
        // Anything else in ~/.ssh named like a key (id_*, *.pem, *.key, or an extension-less name such as gw_ed25519).
        if (name.StartsWith("id_", StringComparison.Ordinal) || name.EndsWith(".pem", StringComparison.Ordinal) || name.EndsWith(".key", StringComparison.Ordinal)
            || (!name.Contains('.') && name is not ("environment" or "rc")))
        {
            return SshPathRole.PrivateKey;
        }
        return SshPathRole.Other;
    }
}
