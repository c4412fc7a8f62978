using SshSupportBot.Languages;
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
        string? prompted = null, added = null;
        var incorrect = false;
        var denied = false;
        var authenticated = false;
        foreach (var line in paste.Lines)
        {
            if (prompted is null && line.Contains("Enter passphrase for ", StringComparison.Ordinal) && PasteRegex.TryMatch(Prompt(), line, out var m)
                && FixWords.IsPath(m.Groups["path"].Value))
            {
                prompted = m.Groups["path"].Value;
            }
            if (added is null && line.StartsWith("Identity added: ", StringComparison.Ordinal) && PasteRegex.TryMatch(Added(), line, out m)
                && FixWords.IsPath(m.Groups["path"].Value))
            {
                added = m.Groups["path"].Value;
            }
            incorrect |= line.Contains("incorrect passphrase supplied", StringComparison.Ordinal) || line.Contains("Bad passphrase", StringComparison.Ordinal);
            denied |= line.Contains("Permission denied (", StringComparison.Ordinal);
            authenticated |= line.Contains("Authenticated to ", StringComparison.Ordinal) || LoginSucceededAnalyzer.IsRemoteLastLogin(line);
        }

        if (added is not null)
        {
            yield return AddedToAgent(added);
            yield break;
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

    /// <summary>
    /// ssh-add's "Enter passphrase for KEY:" then "Identity added: KEY (comment)": the passphrase was right and the key
    /// is in the agent. That is not a login anywhere (a macOS user often pastes it from Terminal believing so).
    /// </summary>
    private static Finding AddedToAgent(string path)
    {
        var mac = path.StartsWith("/Users/", StringComparison.Ordinal) || path.StartsWith("~/", StringComparison.Ordinal);
        return new Finding(
            "passphrase-agent-added",
            FindingSeverity.Info,
            DiagnosticIntents.Passphrase,
            new BilingualText(
                $"パスフレーズは正しく、鍵 {path} が ssh-agent に登録されました（スパコンへのログインではありません）。エージェントが動いている間はパスフレーズを聞かれません。再起動後も聞かれないようにするには、macOS では鍵をキーチェーンに保存し、~/.ssh/config に UseKeychain yes と AddKeysToAgent yes を書いてください。",
                $"The passphrase was right and the key {path} was added to ssh-agent (this is not a login to the supercomputer). ssh will not ask for it while the agent runs. To keep it across restarts on macOS, store it in the Keychain and put UseKeychain yes and AddKeysToAgent yes in ~/.ssh/config."),
            path,
            mac ? $"ssh-add --apple-use-keychain {ShellQuote.Path(path)}" : null);
    }

    [GeneratedRegex(@"Identity added: (?<path>\S+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Added();

    // ssh: "Enter passphrase for key '/home/u/.ssh/id_ed25519':"; ssh-add: "Enter passphrase for /home/u/.ssh/id_ed25519:".
    [GeneratedRegex(@"Enter passphrase for (?:key '(?<path>[^']+)'|(?<path>[^'\s][^\s]*?):(?:\s|$))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Prompt();
}
