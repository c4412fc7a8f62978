using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>ssh never reached an SSH server: refused, timed out, unreachable, or the host name did not resolve.</summary>
internal sealed partial class ConnectionFailureAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in paste.Lines)
        {
            if (line.Contains("Could not resolve hostname", StringComparison.Ordinal) && PasteRegex.TryMatch(Resolve(), line, out var m))
            {
                var host = m.Groups["host"].Value;
                if (reported.Add("resolve:" + host))
                {
                    yield return Unresolved(paste, host, m.Groups["reason"].Value.TrimEnd().TrimEnd('.'));
                }
            }
            else if (line.Contains("connect to host", StringComparison.Ordinal) && PasteRegex.TryMatch(Connect(), line, out m))
            {
                var host = m.Groups["host"].Value;
                var port = m.Groups["port"].Value;
                var reason = m.Groups["reason"].Value;
                var code = reason switch
                {
                    "Connection refused" => "connection-refused",
                    "Connection timed out" or "Operation timed out" or "Resource temporarily unavailable" => "connection-timeout",
                    _ => "network-unreachable",
                };
                if (reported.Add(code + host + port))
                {
                    yield return Failed(code, host, port, reason);
                }
            }
            else if ((line.Contains("kex_exchange_identification", StringComparison.Ordinal) || (line.StartsWith("Connection closed by ", StringComparison.Ordinal) && PasteRegex.TryMatch(ClosedBy(), line, out _))) && reported.Add("kex"))
            {
                yield return new Finding(
                    "connection-closed-before-login",
                    FindingSeverity.Error,
                    DiagnosticIntents.ConnectionFailed,
                    new BilingualText(
                        "サーバーがログインの前に接続を切りました。接続元のネットワーク（ファイアウォール、VPN）か、サーバーの混雑や停止が考えられます。しばらく待ってから再度試し、続く場合は管理者に連絡してください。",
                        "The server closed the connection before login. Your network (firewall, VPN), or a busy or stopped server, is the likely cause. Try again later and contact the administrators if it persists."));
            }
        }
    }

    private static Finding Unresolved(PastedText paste, string host, string reason)
    {
        var withPort = WithPort().Match(host);
        if (withPort.Success)
        {
            var name = withPort.Groups["name"].Value;
            var port = withPort.Groups["port"].Value;
            var user = SshTarget.Find(paste).User;
            var destination = ShellQuote.Word(user is null ? name : $"{user}@{name}");
            return new Finding(
                "host-with-port",
                FindingSeverity.Error,
                DiagnosticIntents.ConnectionFailed,
                new BilingualText(
                    $"ホスト名 {host} にポート番号が含まれています。ssh では「ホスト名:ポート」の形は使えません。ポートは -p で指定してください。",
                    $"The host name {host} includes a port number; ssh does not accept host:port. Give the port with -p."),
                Fix: $"ssh -p {port} {destination}");
        }
        var transient = reason.Contains("Temporary failure", StringComparison.Ordinal);
        return new Finding(
            "host-not-found",
            FindingSeverity.Error,
            DiagnosticIntents.ConnectionFailed,
            new BilingualText(
                transient
                    ? $"ホスト名 {host} を引けませんでした（{reason}）。ネットワーク接続や DNS を確認してください。"
                    : $"ホスト名 {host} が見つかりません（{reason}）。綴りを確認してください。ゲートウェイは gw.ddbj.nig.ac.jp と gw2.ddbj.nig.ac.jp です。",
                transient
                    ? $"The host name {host} could not be looked up ({reason}). Check your network connection and DNS."
                    : $"The host name {host} does not exist ({reason}). Check the spelling; the gateways are gw.ddbj.nig.ac.jp and gw2.ddbj.nig.ac.jp."));
    }

    private static Finding Failed(string code, string host, string port, string reason)
    {
        var (ja, en) = code switch
        {
            "connection-refused" => (
                $"{host} のポート {port} への接続が拒否されました（{reason}）。ホスト名とポート番号が正しいか確認してください。正しければサーバー側のサービスが止まっている可能性があります。",
                $"{host} refused the connection on port {port} ({reason}). Check the host name and port; if they are right, the service on the server may be down."),
            "connection-timeout" => (
                $"{host} のポート {port} に接続できず、時間切れになりました（{reason}）。ネットワークやファイアウォール、VPN でポート {port} への通信が止められていないか確認してください。",
                $"Connecting to {host} port {port} timed out ({reason}). Check whether your network, firewall or VPN blocks port {port}."),
            _ => (
                $"{host} へのネットワーク経路がありません（{reason}）。ネットワーク接続（Wi-Fi、VPN、プロキシ）を確認してください。",
                $"There is no network route to {host} ({reason}). Check your network connection (Wi-Fi, VPN, proxy)."),
        };
        return new Finding(code, FindingSeverity.Error, DiagnosticIntents.ConnectionFailed, new BilingualText(ja, en));
    }

    [GeneratedRegex(@"Could not resolve hostname (?<host>[^\s:]+(?::\d{1,5})?): (?<reason>.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Resolve();

    [GeneratedRegex(@"connect to host (?<host>\S+) port (?<port>\d+): (?<reason>Connection refused|Connection timed out|Operation timed out|Network is unreachable|No route to host|Resource temporarily unavailable)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Connect();

    // "Connection closed by 133.39.228.101 port 22" without a login: the server hung up during the handshake.
    [GeneratedRegex(@"^Connection closed by (?:authenticating user \S+ )?\S+ port \d+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex ClosedBy();

    [GeneratedRegex(@"^(?<name>[^:\[\]]+):(?<port>\d{1,5})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex WithPort();
}
