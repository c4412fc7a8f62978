using SshSupportBot.Languages;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>A PuTTY key (.ppk) is a different file format: OpenSSH needs it converted, not its permissions changed.</summary>
internal static class PuttyKey
{
    public static bool IsPpk(string path) => path.EndsWith(".ppk", StringComparison.OrdinalIgnoreCase);

    /// <summary>puttygen (PuTTY's key tool; on Windows, PuTTYgen's Conversions → Export OpenSSH key) writes the OpenSSH form beside it.</summary>
    public static string ToOpenSshFix(string path)
    {
        var target = path[..^4];
        return FixWords.IsWindowsPath(path)
            ? $"puttygen \"{FixWords.WindowsPath(path)}\" -O private-openssh -o \"{FixWords.WindowsPath(target)}\""
            : $"puttygen {ShellQuote.Path(path)} -O private-openssh -o {ShellQuote.Path(target)}";
    }

    public static BilingualText Explanation(string path) => new(
        $"{path} は PuTTY 形式（.ppk）の鍵で、OpenSSH（ssh コマンド、VS Code、Git）はそのままでは読めません。パーミッションではなく形式の問題です。puttygen で OpenSSH 形式に変換し、変換したファイルを使ってください（Windows では PuTTYgen で鍵を読み込み、Conversions → Export OpenSSH key）。",
        $"{path} is a PuTTY (.ppk) key, which OpenSSH (the ssh command, VS Code, Git) cannot read. This is a format problem, not a permissions one: convert it to OpenSSH format with puttygen and use the converted file (on Windows, load it in PuTTYgen and use Conversions → Export OpenSSH key).");
}
