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
        name.StartsWith('[') && name.IndexOf("]:", StringComparison.Ordinal) is var close and > 0 && PortNumber(name[(close + 2)..]) is { } port
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

    public static SshTarget Find(PastedText paste)
    {
        string? user = null, host = null;
        int? port = null;
        SshTarget? typed = null;
        foreach (var line in paste.Lines)
        {
            if (line.Contains("Authenticating to ", StringComparison.Ordinal) && PasteRegex.TryMatch(AuthenticatingTo(), line, out var m))
            {
                user ??= Checked(m.Groups["user"].Value, FixWords.IsUser);
                host ??= Checked(m.Groups["host"].Value, FixWords.IsHost);
                port ??= PortNumber(m.Groups["port"].Value);
            }
            else if (line.Contains(": Permission denied", StringComparison.Ordinal) && PasteRegex.TryMatch(DeniedPrefix(), line, out m)
                && FixWords.IsUser(m.Groups["user"].Value) && FixWords.IsHost(m.Groups["host"].Value))
            {
                user ??= m.Groups["user"].Value;
                host ??= m.Groups["host"].Value;
            }
            else if (line.Contains("Connecting to ", StringComparison.Ordinal) && PasteRegex.TryMatch(ConnectingTo(), line, out m))
            {
                host ??= Checked(m.Groups["host"].Value, FixWords.IsHost);
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

    /// <summary>
    /// Reads an <c>ssh [options] [user@]host</c> command line, as typed after a prompt (<c>$ ssh …</c>, <c>PS C:\&gt; ssh …</c>),
    /// run by a wrapper (<c>sudo</c>, <c>sshpass</c>, Ansible's <c>EXEC</c>), given as a path to the binary, or quoted in
    /// backticks. "I can ssh into the server" is prose: its words are never a host.
    /// </summary>
    public static SshTarget? FromCommandLine(string line)
    {
        if (line.Length > PasteRegex.MaxLineLength)
        {
            return null;
        }
        if (line.Contains('`'))
        {
            // Only what the backticks quote is a command; the sentence around it is not.
            var quoted = line.Split('`');
            for (var i = 1; i < quoted.Length; i += 2)
            {
                if (FromTokens(Tokenize(quoted[i]), commandOnly: true) is { } inQuotes)
                {
                    return inQuotes;
                }
            }
            return null;
        }
        return FromTokens(Tokenize(line), commandOnly: false);
    }

    private static SshTarget? FromTokens(List<string> tokens, bool commandOnly)
    {
        var start = tokens.FindIndex(IsSshProgram);
        if (start < 0 || !(start == 0 || commandOnly || IsPath(tokens[start]) || FollowsPrompt(tokens, start)))
        {
            return null;
        }
        string? user = null, destination = null;
        int? port = null;
        for (var i = start + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') && token.Length > 1)
            {
                if (!OptionsWithArgument.Contains(token[1]))
                {
                    continue;
                }
                var value = token.Length > 2 ? token[2..] : i + 1 < tokens.Count ? tokens[++i] : null;
                switch (token[1], value)
                {
                    case ('l', { } l):
                        user ??= l;
                        break;
                    case ('p', { } p) when PortNumber(p) is { } number:
                        port ??= number;
                        break;
                    case ('o', { } o) when o.StartsWith("User=", StringComparison.OrdinalIgnoreCase):
                        user ??= o[5..];
                        break;
                    case ('o', { } o) when o.StartsWith("Port=", StringComparison.OrdinalIgnoreCase) && PortNumber(o[5..]) is { } number:
                        port ??= number;
                        break;
                }
                continue;
            }
            destination = token;
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
        if (!FixWords.IsHost(host) || (user is not null && !FixWords.IsUser(user)))
        {
            return null;
        }
        return new SshTarget(user, host, port);
    }

    private static bool IsSshProgram(string token) =>
        token is "ssh" or "ssh.exe" || (IsPath(token) && (token.EndsWith("/ssh", StringComparison.Ordinal) || token.EndsWith("\\ssh.exe", StringComparison.OrdinalIgnoreCase)
            || token.EndsWith("\\ssh", StringComparison.OrdinalIgnoreCase))) || token.EndsWith("$ssh", StringComparison.Ordinal) || token.EndsWith(">ssh", StringComparison.Ordinal);

    private static bool IsPath(string token) => token.Contains('/') || token.Contains('\\');

    // "$ ssh", "user@host:~$ ssh", "PS C:\Users\me> ssh", "[root@host ~]# ssh", "host ~ % ssh", "λ ssh"; or a wrapper before it.
    private static bool FollowsPrompt(List<string> tokens, int start)
    {
        var previous = tokens[start - 1];
        if (IsPrompt(previous) || Wrappers.Contains(previous))
        {
            return true;
        }
        // "sshpass -p secret ssh …", "$ sudo -E ssh …": the line starts with a wrapper whose options come before ssh.
        var first = IsPrompt(tokens[0]) && start > 1 ? tokens[1] : tokens[0];
        return Wrappers.Contains(first);
    }

    private static bool IsPrompt(string token) => token.Length > 0 && token[^1] is '$' or '#' or '%' or '>' or 'λ' or '❯' or '➜';

    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "sudo", "sshpass", "nohup", "exec", "EXEC" };

    /// <summary>Splits a command line into words the way a shell would for quoting: -o "StrictHostKeyChecking no" is one option value.</summary>
    private static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var inToken = false;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
                continue;
            }
            if (c is ' ' or '\t')
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
                continue;
            }
            current.Append(c);
            inToken = true;
        }
        if (inToken)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }

    /// <summary>A TCP port, or nothing for digits no port can have ("port 99999999999" in a mangled paste).</summary>
    public static int? PortNumber(string digits) => int.TryParse(digits, out var port) && port is > 0 and <= 65535 ? port : null;

    private static string? Checked(string value, Func<string, bool> isValid) => isValid(value) ? value : null;

    // The options of ssh(1) that take a value, so "-i key host" is not read as destination "key".
    private const string OptionsWithArgument = "BbcDEeFIiJLlmOoPpQRSWw";

    [GeneratedRegex(@"Authenticating to (?<host>\S+?):(?<port>\d+) as '(?<user>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex AuthenticatingTo();

    [GeneratedRegex(@"^(?<user>[^@\s]+)@(?<host>[^@\s:]+): Permission denied", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex DeniedPrefix();

    [GeneratedRegex(@"Connecting to (?<host>\S+) \[[^\]]*\] port (?<port>\d+)\.", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex ConnectingTo();
}
