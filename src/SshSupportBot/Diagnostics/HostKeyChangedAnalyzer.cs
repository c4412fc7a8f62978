using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// The "REMOTE HOST IDENTIFICATION HAS CHANGED" banner. The fix deletes a safety record, so the message insists
/// on checking the new fingerprint first and on running the command on the user's own computer.
/// </summary>
internal sealed partial class HostKeyChangedAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var changed = false;
        string? host = null, keyType = null, fingerprint = null, knownHosts = null, line = null, staleIp = null;
        var onlyIpOffends = false;
        var lines = paste.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i];
            if (text.Contains("IDENTIFICATION HAS CHANGED", StringComparison.Ordinal) || text.Contains("DNS SPOOFING DETECTED", StringComparison.Ordinal))
            {
                changed = true;
            }
            else if (text.Contains("has changed", StringComparison.Ordinal) && PasteRegex.TryMatch(HostChanged(), text, out var m))
            {
                changed = true;
                host ??= ValidHost(m.Groups["host"].Value.TrimEnd(',', '.'));
                if (m.Groups["type"].Success)
                {
                    keyType ??= m.Groups["type"].Value;
                }
            }
            else if (text.Contains("key sent by the remote host", StringComparison.Ordinal) && PasteRegex.TryMatch(SentBy(), text, out m))
            {
                keyType ??= m.Groups["type"].Value;
                // Log wrappers leave blank lines between ssh's lines; the fingerprint is the next line with text.
                var next = i + 1;
                while (next < lines.Count && next <= i + 2 && lines[next].Length == 0)
                {
                    next++;
                }
                if (next < lines.Count && PasteRegex.TryMatch(Fingerprint(), lines[next], out var fp))
                {
                    fingerprint ??= fp.Groups["fp"].Value;
                }
            }
            else if (text.Contains("for the IP address", StringComparison.Ordinal) && PasteRegex.TryMatch(IpDiffers(), text, out m))
            {
                staleIp ??= ValidHost(m.Groups["ip"].Value);
                host ??= ValidHost(m.Groups["host"].Value);
                keyType ??= m.Groups["type"].Value;
            }
            else if (text.Contains("Offending ", StringComparison.Ordinal) && PasteRegex.TryMatch(Offending(), text, out m))
            {
                onlyIpOffends = m.Groups["ip"].Success && (knownHosts is null || onlyIpOffends);
                changed = true;
                keyType ??= m.Groups["type"].Success ? m.Groups["type"].Value : null;
                knownHosts ??= m.Groups["file"].Value;
                line ??= m.Groups["line"].Value;
            }
        }
        if (!changed)
        {
            yield break;
        }

        var target = SshTarget.Find(paste);
        // CheckHostIP: the host's key is known and fine, only the record for its IP address is stale.
        var removeName = onlyIpOffends && staleIp is not null ? staleIp : null;
        host ??= target.Host is { } h ? SshTarget.KnownHostsName(h, target.Port) : "gw.ddbj.nig.ac.jp";
        var typeJa = keyType is null ? "" : $"（{keyType} 鍵）";
        var typeEn = keyType is null ? "" : $" ({keyType} key)";
        var fpJa = fingerprint is null ? "" : $"新しいフィンガープリントは {fingerprint} です。";
        var fpEn = fingerprint is null ? "" : $" The new fingerprint is {fingerprint}.";
        var whereJa = knownHosts is null ? "" : $"古い鍵は {knownHosts} の {line} 行目に記録されています。";
        var whereEn = knownHosts is null ? "" : $" The old key is recorded in {knownHosts}, line {line}.";
        if (removeName is not null)
        {
            yield return new Finding(
                "host-key-changed",
                FindingSeverity.Warning,
                DiagnosticIntents.HostKeyChanged,
                new BilingualText(
                    $"{host} のホスト鍵は記録と一致していますが、IP アドレス {removeName} について記録された鍵{typeJa}が古くなっています（{knownHosts} の {line} 行目）。サーバーの IP アドレスが変わった可能性があります。公式に公開されている情報で確認してから、スパコン上ではなく自分の計算機で次のコマンドを実行して古い記録を消してください。",
                    $"The host key of {host} matches the record, but the key recorded for the IP address {removeName}{typeEn} is outdated ({knownHosts}, line {line}); the server's address may have changed. Check against the officially published information, then run the command below on your own computer (not on the supercomputer) to remove the old record."),
                knownHosts,
                $"ssh-keygen -R {removeName}");
            yield break;
        }
        yield return new Finding(
            "host-key-changed",
            FindingSeverity.Error,
            DiagnosticIntents.HostKeyChanged,
            new BilingualText(
                $"{host} のホスト鍵{typeJa}が、以前記録したものから変わっています。{fpJa}{whereJa}まず、このフィンガープリントが公式に公開されているものと一致することを確認してください。一致した場合だけ、スパコン上ではなく自分の計算機で次のコマンドを実行して古い記録を消し、次の接続で yes と答えてください。",
                $"The host key{typeEn} of {host} differs from the one recorded earlier.{fpEn}{whereEn} First check that this fingerprint matches the officially published one. Only if it does, run the command below on your own computer (not on the supercomputer) to remove the old record, then answer yes on the next connection."),
            knownHosts,
            $"ssh-keygen -R {ShellQuote.Word(removeName ?? host)}",
            SshTarget.Claim(host, fingerprint, firstConnection: false));
    }

    // "(IP address)", "x.x.x.x": what someone wrote instead of the host is not a host to remove.
    private static string? ValidHost(string host) => FixWords.IsHost(host) ? host : null;

    // "Host key for [127.0.0.1]:2222 has changed and …" (9.x), "ECDSA host key for gw… has changed and …" (8.x),
    // "The RSA host key for gw… has changed," (with the DNS spoofing banner).
    [GeneratedRegex(@"(?:(?<type>[A-Z][A-Z0-9-]*) )?[Hh]ost key for (?<host>\S+) has changed", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex HostChanged();

    [GeneratedRegex(@"The fingerprint for the (?<type>\S+) key sent by the remote host is", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex SentBy();

    [GeneratedRegex(@"^\s*(?<fp>(?:SHA256|MD5):[A-Za-z0-9+/:=]+?)\.?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"the (?<type>\S+) host key for '(?<host>[^']+)' differs from the key for the IP address '(?<ip>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex IpDiffers();

    [GeneratedRegex(@"Offending (?:(?<type>\S+) )?key (?:(?<ip>for IP) )?in (?<file>\S.*?):(?<line>\d+)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Offending();
}
