using System.Text;
using SshSupportBot.Probes;

namespace SshSupportBot.Admin;

/// <summary>A server-side check as an admin reads it in chat or the terminal: what is wrong first, each with the command that fixes it.</summary>
internal static class ServerCheckText
{
    public static string Render(string host, string account, ServerCheckResult result)
    {
        if (result is not { Outcome: ServerCheckOutcome.Completed, Report: { } report, Findings: { } findings })
        {
            var verb = result.Outcome == ServerCheckOutcome.Failed ? "failed" : "not run";
            return $"Server-side check of {account} {verb}: {result.Detail}.";
        }
        var blocking = findings.Count(f => f.BlocksLogin);
        var text = new StringBuilder($"Server-side check of {account} on {host}: ");
        text.Append(findings.Count == 0
            ? "home, ~/.ssh and authorized_keys look right.\n"
            : $"{blocking} {(blocking == 1 ? "problem" : "problems")} that stop key login, {findings.Count - blocking} advice.\n");
        foreach (var finding in findings.OrderByDescending(f => f.BlocksLogin))
        {
            text.Append($"{(finding.BlocksLogin ? "✗" : "–")} {finding.Problem}. Fix: `{finding.Fix}`\n");
        }
        foreach (var path in report.Paths)
        {
            text.Append(path.Exists
                ? $"• {path.Role}: {path.Path} {Convert.ToString(path.Mode ?? 0, 8).PadLeft(3, '0')} {path.Owner}:{path.Group} ({path.Type})\n"
                : $"• {path.Role}: {path.Path} missing\n");
        }
        text.Append(report.Keys.Count == 0
            ? "• no public key registered"
            : $"• keys: {string.Join(", ", report.Keys.Select(k => $"{k.Type} {k.Bits} {k.Fingerprint}"))}");
        return text.ToString();
    }
}
