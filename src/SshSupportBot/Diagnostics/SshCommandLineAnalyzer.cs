using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Reads an <c>ssh</c> command line the user pasted ("ssh -p 2222 taro@gw2.ddbj.nig.ac.jp でやってます") the way an
/// admin would: a port other than the gateways' 22, a misspelt gateway name, a missing user name. Only what the command line states goes into a fix; the account stays a placeholder otherwise.
/// </summary>
internal sealed partial class SshCommandLineAnalyzer : IPasteAnalyzer
{
    /// <summary>The centre's published gateways (see the FAQ); both listen on port 22.</summary>
    private static readonly string[] Gateways = ["gw.ddbj.nig.ac.jp", "gw2.ddbj.nig.ac.jp"];

    private const int GatewayPort = 22;
    private const int MaxLineLength = 400;
    private const int MaxLines = 3;
    private const string OptionsWithArgument = "bcDEeFIiJLlmOopQRSWw";

    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        // A typed command line, not a log: ssh's own output is read by the other analyzers, which know more.
        var lines = paste.Lines.Where(l => l.Length > 0).ToList();
        if (lines.Count > MaxLines)
        {
            yield break;
        }
        foreach (var line in lines)
        {
            if (line.Length > MaxLineLength || Command(line) is not { } command)
            {
                continue;
            }
            foreach (var finding in Check(command))
            {
                // With ssh's reply beside the command, the log analyzers name the user ssh really used; say it once.
                if (finding.Code != "user-name-missing" || lines.Count == 1)
                {
                    yield return finding;
                }
            }
            yield break;
        }
    }

    private static IEnumerable<Finding> Check(SshCommand command)
    {
        if (command.Destination is not { } destination)
        {
            yield break;
        }
        var (user, host) = SplitUser(destination);
        user ??= command.LoginName;
        if (Closest(host) is not { } gateway)
        {
            yield break;
        }
        var account = user is { } u && IsPlainAccount(u) ? u : "ACCOUNT";
        if (!string.Equals(host, gateway, StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding("gateway-name-misspelt", FindingSeverity.Error, DiagnosticIntents.ConnectionFailed,
                new BilingualText($"コマンドのホスト名 {host} は、ゲートウェイの名前 {gateway} と違います（綴りを確認してください）。",
                    $"The host in your command, {host}, is not the gateway's name {gateway} (check the spelling)."),
                Fix: $"ssh {account}@{gateway}");
        }
        if (command.Port is { } port && port != GatewayPort)
        {
            yield return new Finding("gateway-port-wrong", FindingSeverity.Error, DiagnosticIntents.ConnectionFailed,
                new BilingualText($"ポート {port} を指定していますが、ゲートウェイの ssh はポート 22 です。-p を付けずに接続してください（~/.ssh/config の Port も確認してください）。",
                    $"You connect to port {port}, but the gateway's ssh listens on port 22. Leave out -p (and check for a Port line in ~/.ssh/config)."),
                Fix: $"ssh {account}@{gateway}");
        }
        if (user is null)
        {
            yield return new Finding("user-name-missing", FindingSeverity.Info, DiagnosticIntents.WrongUsername,
                new BilingualText("コマンドにユーザー名がありません。ssh は手元の計算機のユーザー名を使うので、スパコンのアカウント名を付けてください。",
                    "The command has no user name, so ssh uses your own computer's login name. Add your supercomputer account name."),
                Fix: $"ssh ACCOUNT@{gateway}");
        }
        // A doubled user (user@user@host) is read by UserNameShapeAnalyzer, from the command line and from ssh's output alike.
        else if (user.Contains('\\'))
        {
            yield return new Finding("user-name-windows-domain", FindingSeverity.Error, DiagnosticIntents.WrongUsername,
                new BilingualText($"ユーザー名が Windows の形式（{user}）です。スパコンのアカウント名だけを指定してください。",
                    $"The user name is in Windows form ({user}). Give only your supercomputer account name."),
                Fix: $"ssh ACCOUNT@{gateway}");
        }
    }

    /// <summary>The gateway the host is, or is a near-miss of (a typo, a missing part); null for any other host.</summary>
    private static string? Closest(string host)
    {
        var lower = host.ToLowerInvariant().TrimEnd('.');
        foreach (var gateway in Gateways)
        {
            if (lower == gateway)
            {
                return gateway;
            }
        }
        if (!lower.Contains("ddbj", StringComparison.Ordinal) && !lower.Contains("nig", StringComparison.Ordinal))
        {
            return null;
        }
        var best = Gateways.Select(g => (Gateway: g, Distance: Distance(lower, g))).MinBy(g => g.Distance);
        return best.Distance <= 4 ? best.Gateway : null;
    }

    private static (string? User, string Host) SplitUser(string destination)
    {
        var at = destination.LastIndexOf('@');
        return at < 0 ? (null, destination) : (destination[..at], destination[(at + 1)..]);
    }

    private static bool IsPlainAccount(string user) => AccountShape().IsMatch(user);

    private static SshCommand? Command(string line)
    {
        Match match;
        try
        {
            match = SshInvocation().Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!match.Success)
        {
            return null;
        }
        var words = match.Groups["args"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'', '`')).ToList();
        int? port = null;
        string? login = null;
        string? destination = null;
        for (var i = 0; i < words.Count && destination is null; i++)
        {
            var word = words[i];
            if (word.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
            {
                var rest = word[6..].TrimEnd('/');
                var colon = rest.LastIndexOf(':');
                if (colon > rest.LastIndexOf('@') && int.TryParse(rest[(colon + 1)..], out var uriPort))
                {
                    port = uriPort;
                    rest = rest[..colon];
                }
                destination = rest;
            }
            else if (word.Length >= 2 && word[0] == '-')
            {
                var option = word[1];
                var value = word.Length > 2 ? word[2..] : i + 1 < words.Count && OptionsWithArgument.Contains(option) ? words[++i] : null;
                switch (option)
                {
                    case 'p' when int.TryParse(value, out var p) && p is > 0 and <= 65535:
                        port = p;
                        break;
                    case 'l':
                        login = value;
                        break;
                    case 'o' when value is not null && PortOption().Match(value) is { Success: true } o && int.TryParse(o.Groups[1].Value, out var op) && op is > 0 and <= 65535:
                        port = op;
                        break;
                }
            }
            else if (HostLike().IsMatch(word))
            {
                destination = word;
            }
            else
            {
                return null;
            }
        }
        return destination is null ? null : new SshCommand(destination, port, login);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= Math.Min(a.Length, 64); i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length] + Math.Max(0, a.Length - 64);
    }

    private sealed record SshCommand(string? Destination, int? Port, string? LoginName);

    // "ssh" as a command (start of line, after a prompt or a space), not ssh-keygen or ssh-add.
    [GeneratedRegex(@"(?:^|[\s$>#])ssh(?:\.exe)?[ \t]+(?<args>[^\n]{1,300})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex SshInvocation();

    [GeneratedRegex(@"^(?:[^\s@]{1,64}@){0,2}[A-Za-z0-9][A-Za-z0-9.-]{0,252}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex HostLike();

    [GeneratedRegex(@"^port\s*=?\s*(\d{1,5})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex PortOption();

    [GeneratedRegex(@"^[a-z_][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AccountShape();
}
