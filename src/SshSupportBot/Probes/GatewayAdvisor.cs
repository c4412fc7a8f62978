using System.Globalization;
using System.Text;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;

namespace SshSupportBot.Probes;

/// <summary>
/// Adds what only the live gateways can tell to a reply: whether a pasted host key is the gateway's real key, and
/// whether the gateways answer at all when a user cannot connect. Never throws into the conversation: the probes
/// return results, and a host that is not a configured gateway is never contacted.
/// </summary>
internal sealed class GatewayAdvisor(HostKeyVerifier verifier, GatewayProber prober)
{
    public const string ConnectionFailedIntent = "connection-failed";

    public async Task<BotReply> AdviseAsync(BotReply reply, CancellationToken cancellationToken)
    {
        if (reply.Findings.Select(f => f.HostKey).FirstOrDefault(c => c is not null) is { } claim)
        {
            var warning = claim.FirstConnection ? HostKeyWarning.FirstConnection : HostKeyWarning.Changed;
            if (await verifier.VerifyAsync(claim.Host, claim.Port, claim.Fingerprint, warning, cancellationToken) is { } verdict)
            {
                return WithVerdict(reply, verdict) with { Findings = [verdict, .. reply.Findings] };
            }
            return reply;
        }

        if (reply.Classification.Intent == ConnectionFailedIntent && !AboutAnotherHost(reply))
        {
            var results = await prober.ProbeAllAsync(cancellationToken);
            return With(reply, Status(results, reply.Language));
        }
        return reply;
    }

    /// <summary>The reply composed again with the advice as its first part, so nothing the advice says is said twice.</summary>
    private static BotReply With(BotReply reply, ProbeAdvice advice, Func<ReplyParts, ReplyParts>? adjust = null)
    {
        var parts = (reply.Parts ?? new ReplyParts(null, [], false, reply.Text)) with { Advice = advice };
        parts = adjust?.Invoke(parts) ?? parts;
        return reply with { Parts = parts, Text = ReplyComposer.Compose(parts, reply.Language) };
    }

    /// <summary>
    /// A verdict answers what the pasted warning's finding asked the user to check ("compare the fingerprint, then
    /// remove the old key"), so that finding goes; "do not connect" also drops the answer, whose steps would remove
    /// the key. Only when the gateway could not be reached does the finding keep the steps, under a one-line notice.
    /// </summary>
    private static BotReply WithVerdict(BotReply reply, Finding verdict)
    {
        if (verdict.Code == HostKeyVerifier.UnreachableCode)
        {
            return With(reply, new ProbeAdvice(Heading(verdict, reply.Language), CheckYourself.For(reply.Language)));
        }
        var advice = Verdict(verdict, reply.Language);
        return With(reply, advice, parts => parts with
        {
            Findings = parts.Findings.Where(f => f.HostKey is null).ToList(),
            Answer = verdict.Code == HostKeyVerifier.DoesNotMatchCode ? "" : ReplyComposer.Opening(parts.Answer),
        });
    }

    private static readonly BilingualText CheckYourself = new("下の手順でご自身で確認してください。", "Please check it yourself as below.");

    /// <summary>The user pasted an error about some other host: the gateways' state says nothing about it.</summary>
    private bool AboutAnotherHost(BotReply reply) =>
        reply.Findings.Any(f => f.Intent == ConnectionFailedIntent) && !reply.Findings.Any(f =>
            prober.Options.Gateways.Any(g => f.Message.En.Contains(g.Host, StringComparison.OrdinalIgnoreCase)));

    private static ProbeAdvice Verdict(Finding verdict, Language language) =>
        new(Heading(verdict, language), verdict.Message.For(language), verdict.Fix is { } fix && fix != "yes" ? fix : null);

    private static string Heading(Finding verdict, Language language)
    {
        return verdict.Code switch
        {
            HostKeyVerifier.MatchesCode => language == Language.Ja ? "*ゲートウェイに直接確認しました: 本物の鍵です*" : "*Checked with the gateway itself: this is its real key*",
            HostKeyVerifier.DoesNotMatchCode => language == Language.Ja ? "*⚠️ 接続しないでください: ゲートウェイの鍵と一致しません*" : "*⚠️ Do not connect: this is not the gateway's key*",
            _ => language == Language.Ja ? "*ゲートウェイに接続できず、鍵を確認できませんでした*" : "*The gateway could not be reached to check the key*",
        };
    }

    private static ProbeAdvice Status(IReadOnlyList<ReachabilityResult> results, Language language)
    {
        var heading = language == Language.Ja ? "*いまゲートウェイに接続を試した結果*" : "*What the gateways answer right now*";
        var text = new StringBuilder();
        foreach (var result in results)
        {
            text.Append(text.Length == 0 ? "- `" : "\n- `").Append(result.Host).Append('`').Append(result.Port == 22 ? "" : $":{result.Port}").Append(": ");
            text.Append(result.Status switch
            {
                ProbeStatus.Ok => language == Language.Ja
                    ? string.Create(CultureInfo.InvariantCulture, $"応答あり（TCP 接続 {result.ConnectMilliseconds:F0} ms、{result.Banner}）。サーバーは動いています。")
                    : string.Create(CultureInfo.InvariantCulture, $"up (TCP connect {result.ConnectMilliseconds:F0} ms, {result.Banner})."),
                ProbeStatus.Refused => language == Language.Ja ? "接続を拒否されました（ssh が動いていない可能性があります）。" : "refused the connection (ssh may not be running).",
                ProbeStatus.Timeout => language == Language.Ja ? "時間内に応答がありませんでした。" : "did not answer in time.",
                ProbeStatus.Dns => language == Language.Ja ? "ボットの側から名前を解決できませんでした。" : "its name could not be resolved from the bot's side.",
                _ => language == Language.Ja ? $"確認できませんでした（{result.Detail}）。" : $"could not be checked ({result.Detail}).",
            });
        }
        text.Append('\n').Append(language == Language.Ja
            ? "ゲートウェイが応答しているのに接続できない場合は、自分の側のネットワーク（学内ネットワーク、VPN、ファイアウォールでのポート 22）を確認してください。"
            : "If the gateways answer but you cannot connect, the problem is likely on your side of the network (campus network, VPN, firewall on port 22).");
        return new ProbeAdvice(heading, text.ToString());
    }
}
