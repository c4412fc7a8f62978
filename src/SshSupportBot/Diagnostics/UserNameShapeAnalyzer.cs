using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// A user name ssh should never have sent: doubled (<c>taro@taro@host</c>: VS Code's host field "user@host" plus a
/// User line, or the user typed twice) or a Windows domain login (<c>DOMAIN\taro@host</c>: no user was given, so
/// Windows OpenSSH sent the Windows account). Both are wrong-user problems, however the key is set up.
/// </summary>
internal sealed partial class UserNameShapeAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        foreach (var line in paste.Lines)
        {
            var at = line.IndexOf('@');
            if (at < 0)
            {
                continue;
            }
            if (line.IndexOf('@', at + 1) > 0 && PasteRegex.TryMatch(Doubled(), line, out var m) && FixWords.IsUser(m.Groups["user"].Value) && FixWords.IsHost(m.Groups["host"].Value))
            {
                var user = m.Groups["user"].Value;
                var host = m.Groups["host"].Value;
                yield return new Finding(
                    "user-name-doubled",
                    FindingSeverity.Error,
                    DiagnosticIntents.WrongUsername,
                    new BilingualText(
                        $"ssh はユーザー名「{user}@{user}」で {host} に接続しようとしています。ユーザー名が二重になっています。VS Code の接続先に「{user}@{host}」と書いたうえで ~/.ssh/config にも User を書いた場合などに起こります。接続先はホスト名（または Host の別名）だけにするか、次の形で接続してください。",
                        $"ssh is logging in to {host} as \"{user}@{user}\": the user name is doubled. This happens when VS Code's host field says \"{user}@{host}\" and ~/.ssh/config also sets User. Give just the host name (or the Host alias) there, or connect like this:"),
                    Fix: $"ssh {ShellQuote.Word($"{user}@{host}")}");
                yield break;
            }
            if (line.Contains('\\') && (line.Contains("'s password:", StringComparison.Ordinal) || line.Contains(": Permission denied", StringComparison.Ordinal))
                && PasteRegex.TryMatch(DomainUser(), line, out m) && FixWords.IsHost(m.Groups["host"].Value))
            {
                var sent = $"{m.Groups["domain"].Value}\\{m.Groups["user"].Value}";
                var host = m.Groups["host"].Value;
                yield return new Finding(
                    "user-name-windows-domain",
                    FindingSeverity.Error,
                    DiagnosticIntents.WrongUsername,
                    new BilingualText(
                        $"ssh は Windows のログイン名「{sent}」（ドメイン付き）をユーザー名として送っています。ユーザー名を指定しなかったためです。スパコンのアカウント名を指定してください（~/.ssh/config の User でも指定できます）。",
                        $"ssh sent your Windows login \"{sent}\" (with its domain) as the user name, because none was given. Give your supercomputer account name (or set User in ~/.ssh/config)."),
                    Fix: $"ssh ACCOUNT@{host}");
                yield break;
            }
        }
    }

    [GeneratedRegex(@"(?<![\w.-])(?<user>[A-Za-z0-9._-]{1,64})@\k<user>@(?<host>[A-Za-z0-9][A-Za-z0-9.-]{0,252})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Doubled();

    [GeneratedRegex(@"(?<![\w\\])(?<domain>[A-Za-z0-9_-]{1,64})\\(?<user>[A-Za-z0-9._-]{1,64})@(?<host>[A-Za-z0-9][A-Za-z0-9.-]{0,252})(?:'s password:|: Permission denied)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex DomainUser();
}
