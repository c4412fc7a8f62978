using SshSupportBot.Dialogue;
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
    /// <param name="phrases">The admins' phrase data (the engine's); the copy shipped in the program when null.</param>
    public async Task<Finding?> VerifyAsync(string host, int port, string fingerprint, HostKeyWarning warning, CancellationToken cancellationToken,
        BotPhrases? phrases = null)
    {
        var gateway = prober.Options.Find(host, port);
        var pasted = SshFingerprint.Normalize(fingerprint);
        if (gateway is null || pasted is null)
        {
            return null;
        }
        phrases ??= DialogueData.Shipped.Phrases;
        var probe = await prober.ProbeAsync(gateway.Host, gateway.Port, cancellationToken);
        var intent = warning == HostKeyWarning.Changed ? "host-key-changed" : "host-key-confirm";
        var changed = warning == HostKeyWarning.Changed;
        var remove = ("remove", $"ssh-keygen -R {gateway.KnownHostsName}");
        var at = ("host", gateway.Host);
        var shown = ("pasted", pasted);
        var published = gateway.PublishedFingerprints;
        var publishedList = ("published", string.Join(", ", published));
        if (probe is null || probe.Status != ProbeStatus.Ok || probe.HostKeys.Count == 0)
        {
            var where = published.Count > 0 ? phrases.Both("host-key-where-published", at, publishedList) : phrases.Both("host-key-where-notice", at);
            var then = changed ? phrases.Both("host-key-then-changed", remove) : phrases.Both("host-key-then-new");
            return new Finding(UnreachableCode, FindingSeverity.Warning, intent, phrases.Both("host-key-unreachable",
                language => [at, ("detail", probe?.Detail ?? "not probed"), shown, ("where", where.For(language)), ("then", then.For(language))]));
        }

        var live = probe.HostKeys.Values.Any(f => SshFingerprint.AreSame(f, pasted));
        if (!live)
        {
            return DoesNotMatch(phrases, changed, intent, phrases.Both("host-key-not-the-gateways", at, shown, ("keys", Describe(probe.HostKeys))));
        }
        if (published.Count > 0 && !published.Any(f => SshFingerprint.AreSame(f, pasted)))
        {
            // The bot's own path to the gateway may be the one being intercepted, or the key was rotated without an announcement:
            // either way an administrator has to look before anyone trusts it.
            return DoesNotMatch(phrases, changed, intent, phrases.Both("host-key-not-published", at, shown, publishedList));
        }
        var alsoPublished = published.Count > 0 ? phrases.Both("host-key-also-published") : new BilingualText("", "");
        var genuine = phrases.Both(changed ? "host-key-genuine-changed" : "host-key-genuine-new",
            language => [at, shown, remove, ("published", alsoPublished.For(language))]);
        return new Finding(MatchesCode, FindingSeverity.Info, intent, genuine, Fix: changed ? remove.Item2 : "yes");
    }

    private static Finding DoesNotMatch(BotPhrases phrases, bool changed, string intent, BilingualText statement)
    {
        var dont = phrases.Both(changed ? "host-key-dont-changed" : "host-key-dont-new");
        return new Finding(DoesNotMatchCode, FindingSeverity.Critical, intent, phrases.Both("host-key-do-not-connect",
            language => [("statement", statement.For(language)), ("dont", dont.For(language))]));
    }

    private static string Describe(IReadOnlyDictionary<string, string> keys) =>
        string.Join(", ", keys.Select(k => $"{k.Key} {k.Value}"));
}
