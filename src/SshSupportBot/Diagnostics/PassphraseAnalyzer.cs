using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Passphrase prompts and rejected passphrases. ssh asks for a passphrase only after the server accepted the
/// public key, so a prompt followed by a refusal means a mistyped passphrase: the root cause, listed before the refusal.
/// </summary>
internal sealed partial class PassphraseAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        string? prompted = null;
        var incorrect = false;
        var denied = false;
        var authenticated = false;
        foreach (var line in paste.Lines)
        {
            if (prompted is null && line.Contains("passphrase for key", StringComparison.Ordinal) && PasteRegex.TryMatch(Prompt(), line, out var m))
            {
                prompted = m.Groups["path"].Value;
            }
            incorrect |= line.Contains("incorrect passphrase supplied", StringComparison.Ordinal) || line.Contains("Bad passphrase", StringComparison.Ordinal);
            denied |= line.Contains("Permission denied (", StringComparison.Ordinal);
            authenticated |= line.Contains("Authenticated to ", StringComparison.Ordinal) || LoginSucceededAnalyzer.IsRemoteLastLogin(line);
        }

        var key = prompted is null ? "" : $" {prompted}";
        var keyJa = prompted is null ? "" : $" {prompted} ";
        if (incorrect || (prompted is not null && denied && !authenticated))
        {
            yield return new Finding(
                "passphrase-incorrect",
                FindingSeverity.Error,
                DiagnosticIntents.Passphrase,
                new BilingualText(
                    $"秘密鍵{keyJa}のパスフレーズが受け付けられませんでした。パスフレーズはログインパスワードではなく、鍵を作ったときに決めたものです。思い出せない場合は新しい鍵を作って登録し直す必要があります。",
                    $"The passphrase for the private key{key} was not accepted. It is the one chosen when the key was made, not your login password; if it is forgotten, make a new key and register it again."),
                prompted,
                prompted is null ? null : $"ssh-keygen -y -f {ShellQuote.Path(prompted)}");
        }
        else if (prompted is not null)
        {
            yield return new Finding(
                "passphrase-prompt",
                FindingSeverity.Info,
                DiagnosticIntents.Passphrase,
                new BilingualText(
                    $"ssh が秘密鍵 {prompted} のパスフレーズを尋ねています。毎回入力したくない場合は ssh-agent に鍵を登録してください。",
                    $"ssh is asking for the passphrase of the private key {prompted}. To avoid typing it every time, add the key to ssh-agent."),
                prompted,
                $"ssh-add {ShellQuote.Path(prompted)}");
        }
    }

    [GeneratedRegex(@"Enter passphrase for key '(?<path>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Prompt();
}
