using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>Evidence that the login worked, so the bot does not chase a problem that is already solved.</summary>
internal sealed partial class LoginSucceededAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        string? host = null, method = null;
        var loggedIn = false;
        var nig = false;
        foreach (var line in paste.Lines)
        {
            if (line.Contains("Authenticated to ", StringComparison.Ordinal) && PasteRegex.TryMatch(Authenticated(), line, out var m))
            {
                loggedIn = true;
                host ??= m.Groups["host"].Value;
                method ??= m.Groups["method"].Success ? m.Groups["method"].Value : null;
            }
            else if (IsRemoteLastLogin(line) || (line.StartsWith("Connection to ", StringComparison.Ordinal) && PasteRegex.TryMatch(ClosedAfterSession(), line, out _)))
            {
                loggedIn = true;
            }
            else if (line.Contains("Thank you for using NIG supercomputer", StringComparison.Ordinal))
            {
                loggedIn = true;
                nig = true;
            }
        }
        if (!loggedIn)
        {
            yield break;
        }
        host ??= nig ? "the NIG supercomputer" : SshTarget.Find(paste).Host ?? "the server";
        var hostJa = host == "the NIG supercomputer" ? "遺伝研スパコン" : host == "the server" ? "サーバー" : host;
        var methodJa = method is null ? "" : $"（{method} 認証）";
        var methodEn = method is null ? "" : $" using {method}";
        yield return new Finding(
            "login-succeeded",
            FindingSeverity.Info,
            DiagnosticIntents.GatewayNode,
            new BilingualText(
                $"{hostJa} へのログインには成功しています{methodJa}。ゲートウェイノードではプログラムを実行せず、qlogin でインタラクティブノードに移動してください。",
                $"The login to {host} worked{methodEn}. Do not run programs on the gateway node; use qlogin to move to an interactive node."));
    }

    /// <summary>
    /// sshd's "Last login: … from 192.0.2.1". macOS Terminal prints "Last login: … on ttys001" when a local window
    /// opens, before the user types ssh: that is not a login anywhere.
    /// </summary>
    public static bool IsRemoteLastLogin(string line) =>
        line.StartsWith("Last login: ", StringComparison.Ordinal) && line.Contains(" from ", StringComparison.Ordinal);

    // Printed when an interactive session ends normally (not "closed by remote host", which is a drop).
    [GeneratedRegex(@"^Connection to \S+ closed\.$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex ClosedAfterSession();

    // 9.x: Authenticated to host ([ip]:22) using "publickey".  8.x: Authenticated to host ([ip]:22).
    [GeneratedRegex(@"Authenticated to (?<host>\S+) \(\[[^\]]*\]:\d+\)(?: using ""(?<method>[^""]+)"")?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Authenticated();
}
