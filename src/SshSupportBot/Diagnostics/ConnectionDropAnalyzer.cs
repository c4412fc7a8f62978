using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>A session that was up and then dropped (idle timeouts in routers, NAT, Wi-Fi); keepalives prevent most of these.</summary>
internal sealed partial class ConnectionDropAnalyzer : IPasteAnalyzer
{
    private const string KeepAlive = "# ~/.ssh/config\nHost *\n    ServerAliveInterval 20\n    TCPKeepAlive no";

    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        // A session that never started cannot drop: "read: Connection reset by peer" after a refused login is sftp/sshfs hanging up.
        if (NeverLoggedIn(paste))
        {
            yield break;
        }
        foreach (var line in paste.Lines)
        {
            if (line.Contains("kex_exchange_identification", StringComparison.Ordinal))
            {
                continue;
            }
            if (MayReportDrop(line) && PasteRegex.TryMatch(Dropped(), line, out var m))
            {
                var what = m.Value.Trim();
                yield return new Finding(
                    "connection-dropped",
                    FindingSeverity.Warning,
                    DiagnosticIntents.ConnectionDrops,
                    new BilingualText(
                        $"接続が途中で切れています（{what}）。しばらく操作しない間に途中の機器が接続を切ることが多いので、自分の計算機の ~/.ssh/config に次の設定を追加してください。",
                        $"The connection dropped ({what}). Idle connections are often cut by equipment on the way; add these lines to ~/.ssh/config on your own computer."),
                    Fix: KeepAlive);
                yield break;
            }
        }
    }

    private static bool MayReportDrop(string line) =>
        line.Contains("Broken pipe", StringComparison.Ordinal) || line.Contains("Connection to ", StringComparison.Ordinal)
        || line.Contains("not responding", StringComparison.Ordinal) || line.Contains("Connection reset", StringComparison.Ordinal);

    private static bool NeverLoggedIn(PastedText paste) =>
        paste.Text.Contains("Permission denied (", StringComparison.Ordinal)
        || paste.Text.Contains("Bad owner or permissions", StringComparison.Ordinal)
        || paste.Text.Contains("Too many authentication failures", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"client_loop: send disconnect: Broken pipe|packet_write_wait: .*Broken pipe|\bBroken pipe\b|Connection to \S+ closed by remote host\.?|Timeout, server \S+ not responding\.?|Connection reset by peer", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Dropped();
}
