using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// "Permission denied (publickey…)": the server accepted none of the keys. With -v output it can say which
/// keys were offered, which files were missing, and as whom and where the login was tried.
/// </summary>
internal sealed partial class PublickeyDeniedAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        string? methods = null;
        foreach (var m in PasteRegex.MatchLines(paste, Denied(), "Permission denied ("))
        {
            methods = m.Groups["methods"].Value;
        }
        if (methods is null || !methods.Contains("publickey", StringComparison.Ordinal))
        {
            yield break;
        }

        var target = SshTarget.Find(paste);
        var verbose = paste.Lines.Any(l => l.StartsWith("debug1:", StringComparison.Ordinal));
        var offered = OfferedKeys(paste);
        var accepted = PasteRegex.MatchLines(paste, Accepted(), "Server accepts key: ").Select(m => m.Groups["path"].Value).FirstOrDefault();
        var missing = new List<string>();
        foreach (var m in PasteRegex.MatchLines(paste, NoSuchIdentity(), ": "))
        {
            var path = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value;
            if (!missing.Contains(path))
            {
                missing.Add(path);
            }
        }
        var explicitMissing = PasteRegex.MatchLines(paste, NotAccessible(), "not accessible").Select(m => m.Groups["path"].Value).Distinct().ToList();

        // A sentence that only quotes the error names nobody; "ACCOUNT@?" would read like a malfunction.
        var known = target.User is not null || target.Host is not null;
        var who = $"{target.UserOrPlaceholder}@{target.Host ?? "?"}";
        var portNote = target.Port is { } port && port != 22 ? $" port {port}" : "";
        var portNoteJa = target.Port is { } portJa && portJa != 22 ? $"（ポート {portJa}）" : "";
        string offeredJa, offeredEn;
        if (offered.Count > 0)
        {
            offeredJa = $"提示した鍵: {string.Join(", ", offered)}。";
            offeredEn = $" Keys offered: {string.Join(", ", offered)}.";
        }
        else
        {
            offeredJa = verbose ? "ssh は鍵を 1 つも提示していません。" : "";
            offeredEn = verbose ? " ssh offered no key at all." : "";
        }
        var acceptedJa = accepted is null ? "" : $"サーバーは {accepted} の公開鍵を受け入れましたが、その秘密鍵を使えませんでした（パーミッションやパスフレーズを確認してください）。";
        var acceptedEn = accepted is null ? "" : $" The server accepted the public key of {accepted}, but its private key could not be used (check its permissions and passphrase).";
        yield return new Finding(
            "publickey-denied",
            FindingSeverity.Error,
            DiagnosticIntents.PermissionDeniedPublickey,
            new BilingualText(
                $"{(known ? $"{who}{portNoteJa} への" : "")}公開鍵認証が拒否されました（{methods}）。{offeredJa}{acceptedJa}確認する順番: 1. 両側のパーミッション、2. 秘密鍵と登録した公開鍵が対応しているか、3. ユーザー名{(target.User is null ? "" : $"（{target.User}）")}が正しいか。",
                $"Public key login{(known ? $" as {who}{portNote}" : "")} was refused ({methods}).{offeredEn}{acceptedEn} Check in order: 1. permissions on both sides, 2. that your private key matches the registered public key, 3. that the user name{(target.User is null ? "" : $" ({target.User})")} is right."),
            Fix: verbose ? null : $"ssh -v {target.Destination}");

        // Without a user on the command line ssh sends the local account name, which often differs from the NIG account.
        if (SshTarget.Typed(paste) is { User: null, Host: { } typedHost } && target.User is { } sentUser)
        {
            yield return new Finding(
                "username-not-given",
                FindingSeverity.Warning,
                DiagnosticIntents.WrongUsername,
                new BilingualText(
                    $"コマンドにユーザー名が無いため、ssh は手元の計算機のユーザー名 {sentUser} で接続しました。スパコンのアカウント名が違う場合は、アカウント名を指定してください。",
                    $"The command gave no user name, so ssh used your local one, {sentUser}. If your supercomputer account is different, give it explicitly."),
                Fix: $"ssh ACCOUNT@{typedHost}");
        }

        if (verbose && offered.Count == 0)
        {
            var triedJa = missing.Count == 0 ? "" : $"探したが無かったファイル: {string.Join(", ", missing)}。";
            var triedEn = missing.Count == 0 ? "" : $" Looked for but not found: {string.Join(", ", missing)}.";
            yield return new Finding(
                "no-key-offered",
                FindingSeverity.Warning,
                DiagnosticIntents.PermissionDeniedPublickey,
                new BilingualText(
                    $"ssh が使える秘密鍵が見つかりませんでした。{triedJa}鍵がある場所を -i で指定するか、鍵が無ければ作成して公開鍵を登録してください。",
                    $"ssh found no private key to use.{triedEn} Point to your key with -i, or make a key and register its public key."),
                Fix: "ssh-keygen -t ed25519");
        }
        foreach (var path in explicitMissing)
        {
            yield return new Finding(
                "key-file-missing",
                FindingSeverity.Warning,
                DiagnosticIntents.PermissionDeniedPublickey,
                new BilingualText(
                    $"指定された鍵ファイル {path} が見つかりません。パスを確認してください（WSL と Windows では別の場所です）。",
                    $"The key file {path} you asked for does not exist. Check the path (WSL and Windows keep keys in different places)."),
                path,
                $"ls -l {ShellQuote.Path(path)}");
        }
    }

    /// <summary>The keys ssh offered, in order, from -v output ("Offering public key: PATH TYPE SHA256:…").</summary>
    public static IReadOnlyList<string> OfferedKeys(PastedText paste) =>
        PasteRegex.MatchLines(paste, Offering(), "Offering public key: ")
            .Select(m => m.Groups["path"].Value)
            .Distinct()
            .ToList();

    [GeneratedRegex(@"Permission denied \((?<methods>[a-z0-9,@.-]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Denied();

    // 8.x/9.x: "Offering public key: PATH TYPE SHA256:…"; 7.x: "Offering public key: TYPE SHA256:… PATH".
    [GeneratedRegex(@"Offering public key: (?:(?<path>\S.*?) (?:[A-Z][A-Z0-9-]*(?:-CERT)?) (?:SHA256|MD5):|(?:[A-Z][A-Z0-9-]*(?:-CERT)?) (?:SHA256|MD5):\S+ (?<path>\S.*?)(?: explicit| agent)*$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Offering();

    [GeneratedRegex(@"Server accepts key: (?<path>\S.*?) (?:[A-Z][A-Z0-9-]*) (?:SHA256|MD5):", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Accepted();

    // -vvv says "no such identity: PATH: No such file or directory"; -v (9.x) lists a missing default key as a bare "Will attempt key: PATH".
    [GeneratedRegex(@"no such identity: (?<a>\S.*?): No such file or directory|Will attempt key: (?<b>\S+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex NoSuchIdentity();

    [GeneratedRegex(@"Identity file (?<path>\S.*?) not accessible: No such file or directory", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex NotAccessible();
}
