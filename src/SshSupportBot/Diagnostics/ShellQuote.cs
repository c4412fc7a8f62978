namespace SshSupportBot.Diagnostics;

/// <summary>Quotes paths for the fix commands users copy into a shell, so a space or quote in a path cannot split or break the command.</summary>
internal static class ShellQuote
{
    /// <summary>POSIX shell: absolute paths always single-quoted; a leading <c>~/</c> stays outside the quotes so the shell still expands it.</summary>
    public static string Path(string path)
    {
        if (path == "~")
        {
            return path;
        }
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            var rest = path[2..];
            return "~/" + (IsPlain(rest) ? rest : Quote(rest));
        }
        return Quote(path);
    }

    /// <summary>A word (host name, user) quoted only when the shell would otherwise read it differently.</summary>
    public static string Word(string value) => IsPlain(value) ? value : Quote(value);

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static bool IsPlain(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "._-/@%+=:,".Contains(c));
}
