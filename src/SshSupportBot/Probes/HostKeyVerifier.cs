using SshSupportBot.Languages;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;

namespace SshSupportBot.Probes;

/// <summary>
/// Tells a user whether the host key their ssh client showed for a gateway is the gateway's real key, by comparing it
/// with the key the bot reads from the gateway itself and with the fingerprints the centre has published.
/// </summary>
internal sealed class HostKeyVerifier(GatewayProber prober)
{
    public const string MatchesCode = "host-key-matches-gateway";
    public const string DoesNotMatchCode = "host-key-does-not-match-gateway";
    public const string UnreachableCode = "gateway-unreachable";

    public Task<Finding?> VerifyAsync(string host, int port, string fingerprint, CancellationToken cancellationToken) =>
        VerifyAsync(host, port, fingerprint, HostKeyWarning.Changed, cancellationToken);

    /// <summary>
    /// Null when there is nothing to verify: the host is not a configured gateway (it is then not contacted at all), or the
    /// text is not a SHA256 fingerprint.
    /// </summary>
    public async Task<Finding?> VerifyAsync(string host, int port, string fingerprint, HostKeyWarning warning, CancellationToken cancellationToken)
    {
        var gateway = prober.Options.Find(host, port);
        var pasted = SshFingerprint.Normalize(fingerprint);
        if (gateway is null || pasted is null)
        {
            return null;
        }
        var probe = await prober.ProbeAsync(gateway.Host, gateway.Port, cancellationToken);
        var intent = warning == HostKeyWarning.Changed ? "host-key-changed" : "host-key-confirm";
        if (probe is null || probe.Status != ProbeStatus.Ok || probe.HostKeys.Count == 0)
        {
            return Unreachable(gateway, pasted, probe?.Detail ?? "not probed", warning, intent);
        }

        var live = probe.HostKeys.Values.Any(f => SshFingerprint.AreSame(f, pasted));
        var published = gateway.PublishedFingerprints;
        if (!live)
        {
            return DoesNotMatch(warning, intent,
                $"{gateway.Host} として示された鍵 ({pasted}) は、ゲートウェイの鍵と一致しません。ボットが {gateway.Host} に直接接続して読み取った鍵は {Describe(probe.HostKeys)} です。",
                $"The key presented as {gateway.Host} ({pasted}) is not the gateway's key: the bot has just read the keys from {gateway.Host} itself, and they are {Describe(probe.HostKeys)}.");
        }
        if (published.Count > 0 && !published.Any(f => SshFingerprint.AreSame(f, pasted)))
        {
            // The bot's own path to the gateway may be the one being intercepted, or the key was rotated without an announcement:
            // either way an administrator has to look before anyone trusts it.
            return DoesNotMatch(warning, intent,
                $"{gateway.Host} として示された鍵 ({pasted}) は、ボットが {gateway.Host} から読み取った鍵とは一致しますが、センターが公開しているフィンガープリント ({string.Join(", ", published)}) のどれとも一致しないため、正しい鍵であると確認できません。管理者が確認するまで信頼しないでください。",
                $"The key presented as {gateway.Host} ({pasted}) is the key the bot reads from {gateway.Host} too, but it is none of the fingerprints the centre has published ({string.Join(", ", published)}), so it cannot be confirmed as the gateway's real key; do not trust it until the administrators have checked.");
        }
        return Matches(gateway, pasted, warning, intent, published.Count > 0);
    }

    private static Finding Matches(GatewayEndpoint gateway, string pasted, HostKeyWarning warning, string intent, bool published)
    {
        var host = gateway.Host;
        var alsoPublishedJa = published ? "センターが公開しているフィンガープリントとも一致しています。" : "";
        var alsoPublishedEn = published ? " It is also one of the fingerprints the centre has published." : "";
        var remove = $"ssh-keygen -R {gateway.KnownHostsName}";
        return warning == HostKeyWarning.Changed
            ? new Finding(MatchesCode, FindingSeverity.Info, intent, new BilingualText(
                    $"{host} が示した鍵 ({pasted}) はゲートウェイの本物の鍵です。ボットが {host} に直接接続して読み取った鍵と一致しました。{alsoPublishedJa}" +
                    $"警告が出たのは、お使いの known_hosts にゲートウェイの古い鍵が残っているためです。`{remove}` で古い鍵を削除してから接続し直し、" +
                    "「Are you sure you want to continue connecting」と聞かれたら `yes` と入力してください。",
                    $"The key {host} showed you ({pasted}) is the gateway's real key: the bot has just read the same key from {host} itself.{alsoPublishedEn} " +
                    $"You see the warning because your known_hosts still holds the gateway's old key. Remove it with `{remove}`, connect again, " +
                    "and answer `yes` when ssh asks \"Are you sure you want to continue connecting\"."),
                Fix: remove)
            : new Finding(MatchesCode, FindingSeverity.Info, intent, new BilingualText(
                    $"{host} が示した鍵 ({pasted}) はゲートウェイの本物の鍵です。ボットが {host} に直接接続して読み取った鍵と一致しました。{alsoPublishedJa}" +
                    "「Are you sure you want to continue connecting」には `yes` と答えて大丈夫です。鍵は ~/.ssh/known_hosts に記録され、次回からは聞かれません。",
                    $"The key {host} showed you ({pasted}) is the gateway's real key: the bot has just read the same key from {host} itself.{alsoPublishedEn} " +
                    "It is safe to answer `yes` to \"Are you sure you want to continue connecting\"; ssh then records the key in ~/.ssh/known_hosts and will not ask again."),
                Fix: "yes");
    }

    private static Finding DoesNotMatch(HostKeyWarning warning, string intent, string statementJa, string statementEn)
    {
        var dontJa = warning == HostKeyWarning.Changed
            ? "`yes` と答えたり、`ssh-keygen -R` で鍵を削除したり、パスワードやパスフレーズを入力したりしないでください。"
            : "`yes` と答えたり、パスワードやパスフレーズを入力したりしないでください。";
        var dontEn = warning == HostKeyWarning.Changed
            ? "Do not answer `yes`, do not remove the old key with `ssh-keygen -R`, and do not type your password or passphrase."
            : "Do not answer `yes`, and do not type your password or passphrase.";
        return new Finding(DoesNotMatchCode, FindingSeverity.Critical, intent, new BilingualText(
            $"接続しないでください。{statementJa}" +
            $"通信が途中で第三者に傍受されている可能性があります。{dontJa}表示された警告の全文を添えて、管理者に報告してください。",
            $"Do not connect. {statementEn} " +
            $"Someone may be intercepting your connection. {dontEn} Report it to the administrators, with the full warning you saw."));
    }

    private static Finding Unreachable(GatewayEndpoint gateway, string pasted, string detail, HostKeyWarning warning, string intent)
    {
        var host = gateway.Host;
        var published = gateway.PublishedFingerprints;
        var whereJa = published.Count > 0 ? $"センターが公開している {host} のフィンガープリント ({string.Join(", ", published)})" : $"センターのお知らせで公開されている {host} のフィンガープリント";
        var whereEn = published.Count > 0 ? $"the fingerprints the centre has published for {host} ({string.Join(", ", published)})" : $"the fingerprint the centre has officially published for {host}";
        var thenJa = warning == HostKeyWarning.Changed
            ? $"完全に一致する場合に限り、`ssh-keygen -R {gateway.KnownHostsName}` で古い鍵を削除してから接続し直し、`yes` と答えてください。"
            : "完全に一致する場合に限り、`yes` と答えてください。";
        var thenEn = warning == HostKeyWarning.Changed
            ? $"Only if it is identical, remove the old key with `ssh-keygen -R {gateway.KnownHostsName}`, connect again and answer `yes`."
            : "Only if it is identical, answer `yes`.";
        return new Finding(UnreachableCode, FindingSeverity.Warning, intent, new BilingualText(
            $"ボットから {host} に接続できなかったため、鍵を自動では確認できませんでした ({detail})。ご自身で確認してください。" +
            $"表示された鍵 {pasted} を{whereJa}と比べてください。{thenJa}" +
            "一致しない場合は接続せず、パスワードやパスフレーズも入力せずに、管理者に報告してください。",
            $"The bot could not reach {host} to check its key ({detail}), so please check it yourself: compare {pasted} with {whereEn}. " +
            $"{thenEn} If it differs, do not connect and do not type your password or passphrase; report it to the administrators."));
    }

    private static string Describe(IReadOnlyDictionary<string, string> keys) =>
        string.Join(", ", keys.Select(k => $"{k.Key} {k.Value}"));
}
