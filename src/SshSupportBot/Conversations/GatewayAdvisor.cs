using SshSupportBot.Probes;
using SshSupportBot.Languages;
using System.Globalization;
using System.Text;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;

namespace SshSupportBot.Conversations;

/// <summary>
/// Adds what only the live gateways can tell to a reply: whether a pasted host key is the gateway's real key, and
/// whether the gateways answer at all when a user cannot connect. Never throws into the conversation: the probes
/// return results, and a host that is not a configured gateway is never contacted.
/// </summary>
internal sealed class GatewayAdvisor(HostKeyVerifier verifier, GatewayProber prober)
{
    public const string ConnectionFailedIntent = "connection-failed";

    /// <param name="phrases">The admins' phrase data (the engine's); the copy shipped in the program when null.</param>
    public async Task<BotReply> AdviseAsync(BotReply reply, CancellationToken cancellationToken, Dialogue.BotPhrases? phrases = null)
    {
        phrases ??= Dialogue.DialogueData.Shipped.Phrases;
        if (reply.Findings.Select(f => f.HostKey).FirstOrDefault(c => c is not null) is { } claim)
        {
            var warning = claim.FirstConnection ? HostKeyWarning.FirstConnection : HostKeyWarning.Changed;
            if (await verifier.VerifyAsync(claim.Host, claim.Port, claim.Fingerprint, warning, cancellationToken, phrases) is { } verdict)
            {
                return WithVerdict(reply, verdict, phrases) with { Findings = [verdict, .. reply.Findings] };
            }
            return reply;
        }

        if (reply.Classification.Intent == ConnectionFailedIntent && !AboutAnotherHost(reply))
        {
            var results = await prober.ProbeAllAsync(cancellationToken);
            return With(reply, Status(results, reply.Language, phrases), phrases);
        }
        return reply;
    }

    /// <summary>The reply composed again with the advice as its first part, so nothing the advice says is said twice.</summary>
    private static BotReply With(BotReply reply, ProbeAdvice advice, Dialogue.BotPhrases phrases, Func<ReplyParts, ReplyParts>? adjust = null)
    {
        var parts = (reply.Parts ?? new ReplyParts(null, [], false, reply.Text)) with { Advice = advice };
        parts = adjust?.Invoke(parts) ?? parts;
        return reply with { Parts = parts, Text = ReplyComposer.Compose(parts, reply.Language, phrases) };
    }

    /// <summary>
    /// A verdict answers what the pasted warning's finding asked the user to check ("compare the fingerprint, then
    /// remove the old key"), so that finding goes; "do not connect" also drops the answer, whose steps would remove
    /// the key. Only when the gateway could not be reached does the finding keep the steps, under a one-line notice.
    /// </summary>
    private static BotReply WithVerdict(BotReply reply, Finding verdict, Dialogue.BotPhrases phrases)
    {
        if (verdict.Code == HostKeyVerifier.UnreachableCode)
        {
            return With(reply, new ProbeAdvice(Heading(verdict, reply.Language, phrases), phrases.Get("gateway-key-check-yourself", reply.Language)), phrases);
        }
        var advice = Verdict(verdict, reply.Language, phrases);
        return With(reply, advice, phrases, parts => parts with
        {
            Findings = parts.Findings.Where(f => f.HostKey is null).ToList(),
            Answer = verdict.Code == HostKeyVerifier.DoesNotMatchCode ? "" : ReplyComposer.Opening(parts.Answer),
        });
    }

    /// <summary>The user pasted an error about some other host: the gateways' state says nothing about it.</summary>
    private bool AboutAnotherHost(BotReply reply) =>
        reply.Findings.Any(f => f.Intent == ConnectionFailedIntent) && !reply.Findings.Any(f =>
            prober.Options.Gateways.Any(g => f.Message.En.Contains(g.Host, StringComparison.OrdinalIgnoreCase)));

    private static ProbeAdvice Verdict(Finding verdict, Language language, Dialogue.BotPhrases phrases) =>
        new(Heading(verdict, language, phrases), verdict.Message.For(language), verdict.Fix is { } fix && fix != "yes" ? fix : null);

    private static string Heading(Finding verdict, Language language, Dialogue.BotPhrases phrases) => phrases.Get(verdict.Code switch
    {
        HostKeyVerifier.MatchesCode => "gateway-key-real",
        HostKeyVerifier.DoesNotMatchCode => "gateway-key-not-real",
        _ => "gateway-key-unchecked",
    }, language);

    private static ProbeAdvice Status(IReadOnlyList<ReachabilityResult> results, Language language, Dialogue.BotPhrases phrases)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            text.Append(text.Length == 0 ? "- `" : "\n- `").Append(result.Host).Append('`').Append(result.Port == 22 ? "" : $":{result.Port}").Append(": ");
            text.Append(result.Status switch
            {
                ProbeStatus.Ok => phrases.Get("gateway-up", language,
                    ("ms", (result.ConnectMilliseconds ?? 0).ToString("F0", CultureInfo.InvariantCulture)), ("banner", result.Banner ?? "")),
                ProbeStatus.Refused => phrases.Get("gateway-refused", language),
                ProbeStatus.Timeout => phrases.Get("gateway-timeout", language),
                ProbeStatus.Dns => phrases.Get("gateway-dns", language),
                _ => phrases.Get("gateway-unchecked", language, ("detail", result.Detail)),
            });
        }
        text.Append('\n').Append(phrases.Get("gateways-answer-but", language));
        return new ProbeAdvice(phrases.Get("gateways-now", language), text.ToString());
    }
}
