using System.Text.RegularExpressions;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Who connected where, as far as a paste tells: ssh's own debug lines are the most reliable, then the
/// "user@host: Permission denied" prefix, then the command line the user typed.
/// </summary>
internal sealed partial record SshTarget(string? User, string? Host, int? Port)
{
    public static readonly SshTarget Unknown = new(null, null, null);

    public string HostOrDefault => Host ?? "gw.ddbj.nig.ac.jp";

    public string UserOrPlaceholder => User ?? "ACCOUNT";

    /// <summary>The arguments that reach the same place again: <c>-p 2222 user@host</c>.</summary>
    public string Destination =>
        (Port is { } port && port != 22 ? $"-p {port} " : "") + ShellQuote.Word($"{UserOrPlaceholder}@{HostOrDefault}");

    /// <summary>How ssh itself names the host in known_hosts: <c>[host]:port</c> for a port other than 22.</summary>
    public static string KnownHostsName(string host, int? port) => port is { } p && p != 22 ? $"[{host}]:{p}" : host;

    /// <summary>The inverse of <see cref="KnownHostsName"/>: <c>[host]:2222</c> → (host, 2222), <c>host</c> → (host, 22).</summary>
    public static (string Host, int Port) ParseKnownHostsName(string name) =>
        name.StartsWith('[') && name.IndexOf("]:", StringComparison.Ordinal) is var close and > 0 && int.TryParse(name[(close + 2)..], out var port)
            ? (name[1..close], port)
            : (name.Trim('[', ']'), 22);

    /// <summary>What a host-key warning claims, when it names a SHA256 fingerprint that the live host can be asked about.</summary>
    public static HostKeyClaim? Claim(string host, string? fingerprint, bool firstConnection)
    {
        if (fingerprint is null || !fingerprint.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            return null;
        }
        var (name, port) = ParseKnownHostsName(host);
        return new HostKeyClaim(name, port, fingerprint, firstConnection);
    }

    // A pasted "port 99999999999" is no port at all, not a reason to fail the whole answer.
    private static int? PortNumber(string digits) => int.TryParse(digits, out var port) && port is > 0 and <= 65535 ? port : null;

    public static SshTarget Find(PastedText paste)
    {
        string? user = null, host = null;
        int? port = null;
        SshTarget? typed = null;
        foreach (var line in paste.Lines)
        {
            if (line.Contains("Authenticating to ", StringComparison.Ordinal) && PasteRegex.TryMatch(AuthenticatingTo(), line, out var m))
            {
                user ??= m.Groups["user"].Value;
                host ??= m.Groups["host"].Value;
                port ??= PortNumber(m.Groups["port"].Value);
            }
            else if (line.Contains(": Permission denied", StringComparison.Ordinal) && PasteRegex.TryMatch(DeniedPrefix(), line, out m))
            {
                user ??= m.Groups["user"].Value;
                host ??= m.Groups["host"].Value;
            }
            else if (line.Contains("Connecting to ", StringComparison.Ordinal) && PasteRegex.TryMatch(ConnectingTo(), line, out m))
            {
                host ??= m.Groups["host"].Value;
                port ??= PortNumber(m.Groups["port"].Value);
            }
            else if (typed is null && line.Contains("ssh", StringComparison.Ordinal))
            {
                typed = FromCommandLine(line);
            }
        }
        return new SshTarget(user ?? typed?.User, host ?? typed?.Host, port ?? typed?.Port);
    }

    /// <summary>The first ssh command line in the paste, as the user typed it.</summary>
    public static SshTarget? Typed(PastedText paste) =>
        paste.Lines.Where(l => l.Contains("ssh", StringComparison.Ordinal)).Select(FromCommandLine).FirstOrDefault(t => t is not null);

    /// <summary>Reads an <c>ssh [options] [user@]host</c> command line, as typed after a prompt.</summary>
    public static SshTarget? FromCommandLine(string line)
    {
        if (line.Length > PasteRegex.MaxLineLength)
        {
            return null;
        }
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(tokens, t => t is "ssh" or "ssh.exe" || t.EndsWith("/ssh", StringComparison.Ordinal) || t.EndsWith("$ssh", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }
        string? user = null, destination = null;
        int? port = null;
        for (var i = start + 1; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') && token.Length > 1)
            {
                if (!OptionsWithArgument.Contains(token[1]))
                {
                    continue;
                }
                var value = token.Length > 2 ? token[2..] : i + 1 < tokens.Length ? tokens[++i] : null;
                switch (token[1], value)
                {
                    case ('l', { } l):
                        user ??= l;
                        break;
                    case ('p', { } p) when int.TryParse(p, out var number):
                        port ??= number;
                        break;
                    case ('o', { } o) when o.StartsWith("User=", StringComparison.OrdinalIgnoreCase):
                        user ??= o[5..];
                        break;
                    case ('o', { } o) when o.StartsWith("Port=", StringComparison.OrdinalIgnoreCase) && int.TryParse(o[5..], out var number):
                        port ??= number;
                        break;
                }
                continue;
            }
            destination = token.Trim('\'', '"');
            break;
        }
        if (destination is null || destination.Length == 0 || destination.Contains('$'))
        {
            return null;
        }
        if (destination.StartsWith("ssh://", StringComparison.Ordinal))
        {
            destination = destination[6..];
        }
        var at = destination.LastIndexOf('@');
        var host = at >= 0 ? destination[(at + 1)..] : destination;
        if (at > 0)
        {
            user = destination[..at];
        }
        // Prose such as "ssh で接続すると" is not a command line.
        if (!HostName().IsMatch(host) || (user is not null && !UserName().IsMatch(user)))
        {
            return null;
        }
        return new SshTarget(user, host, port);
    }

    // The options of ssh(1) that take a value, so "-i key host" is not read as destination "key".
    private const string OptionsWithArgument = "BbcDEeFIiJLlmOoPpQRSWw";

    [GeneratedRegex(@"^[A-Za-z0-9._:%\[\]-]{1,253}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex UserName();

    [GeneratedRegex(@"Authenticating to (?<host>\S+?):(?<port>\d+) as '(?<user>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex AuthenticatingTo();

    [GeneratedRegex(@"^(?<user>[^@\s]+)@(?<host>[^@\s:]+): Permission denied", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex DeniedPrefix();

    [GeneratedRegex(@"Connecting to (?<host>\S+) \[[^\]]*\] port (?<port>\d+)\.", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex ConnectingTo();
}
