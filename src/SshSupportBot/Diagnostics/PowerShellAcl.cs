namespace SshSupportBot.Diagnostics;

/// <summary>
/// Windows has no chmod: OpenSSH for Windows checks a file's ACL. These fixes are in PowerShell syntax (the shell
/// Windows' own ssh is run from), where <c>${env:USERNAME}</c> is the current user; cmd's <c>%USERNAME%</c> would be taken literally.
/// </summary>
internal static class PowerShellAcl
{
    /// <summary>Only the current user keeps access: inherited entries go, the user gets <paramref name="right"/> (R for a key, F for a config file).</summary>
    public static string OwnerOnly(string windowsPath, string right)
    {
        var quoted = Quote(windowsPath);
        return $"icacls {quoted} /inheritance:r\nicacls {quoted} /grant:r \"${{env:USERNAME}}:({right})\"";
    }

    public static string Remove(string windowsPath, string principal) => $"icacls {Quote(windowsPath)} /remove:g \"{principal}\"";

    // A Windows path cannot contain a double quote; "$" is the one character PowerShell expands inside double quotes.
    private static string Quote(string path) => path.Contains('$') ? "'" + path.Replace("'", "''") + "'" : "\"" + path + "\"";
}
