using System.Text.RegularExpressions;
using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>
/// The rule for every fix command, checked over every real paste: each host, user and path in a command is one the
/// paste states; otherwise the command uses the configured gateway or a placeholder. A word of the user's prose is
/// never a host, and a literal "..." is never a path.
/// </summary>
public partial class FixProvenanceTests
{
    private static readonly HashSet<string> Gateways = ["gw.ddbj.nig.ac.jp", "gw2.ddbj.nig.ac.jp"];

    // Paths the bot itself proposes as defaults (a new key, the config file), never read from a paste.
    private static readonly string[] DefaultPaths = ["~/.ssh/id_ed25519", "~/.ssh/config"];

    // Sentences as people write them around a paste, full of words a careless reader would take for a host.
    private const string Prose = "I can ssh into the server using my key, but no logs show up. Tried ssh -v with it, also -o \"StrictHostKeyChecking no\", no luck.";

    [Theory]
    [MemberData(nameof(PublicPaste.Ids), MemberType = typeof(PublicPaste))]
    public void Every_host_user_and_path_in_a_fix_is_stated_by_the_paste(string id)
    {
        var item = PublicPaste.Get(id);
        var stated = new PastedText(item.Message).Text;

        foreach (var fix in Fixes(item.Message))
        {
            foreach (var (user, host) in Destinations(fix))
            {
                Assert.True(Gateways.Contains(host) || Mentions(stated, host), $"{id}: host «{host}» in «{fix}» is not in the paste");
                Assert.True(user is "ACCOUNT" || Mentions(stated, user), $"{id}: user «{user}» in «{fix}» is not in the paste");
            }
            foreach (var path in Paths(fix))
            {
                Assert.DoesNotContain("...", path);
                Assert.DoesNotContain("…", path);
                Assert.True(DefaultPaths.Any(d => path.StartsWith(d, StringComparison.Ordinal)) || Mentions(Slashes(stated), Slashes(path)),
                    $"{id}: path «{path}» in «{fix}» is not in the paste");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PublicPaste.Ids), MemberType = typeof(PublicPaste))]
    public void No_word_of_the_users_prose_ever_becomes_a_host(string id)
    {
        var item = PublicPaste.Get(id);
        // A command the user quotes in backticks, or a user@host they write, states a host; the rest of their sentence does not.
        var sentences = Quoted().Replace(Prose + " " + item.Prose, " ");
        var proseWords = Words().Matches(string.Join(' ', sentences.Split(' ').Where(w => !w.Contains('@')))).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var pasteWords = Words().Matches(item.Paste).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        foreach (var message in new[] { Prose + "\n" + item.Message, item.Message + "\n" + Prose, Prose + "\n```\n" + item.Paste + "\n```" })
        {
            foreach (var fix in Fixes(message))
            {
                foreach (var (user, host) in Destinations(fix))
                {
                    Assert.False(proseWords.Contains(host) && !pasteWords.Contains(host), $"{id}: prose word «{host}» became a host in «{fix}»");
                    Assert.False(proseWords.Contains(user) && !pasteWords.Contains(user), $"{id}: prose word «{user}» became a user in «{fix}»");
                }
            }
        }
    }

    [Theory]
    [InlineData("I can ssh into the gateway but get Permission denied (publickey).")]
    [InlineData("When using ssh -o \"StrictHostKeyChecking no\" I get: Permission denied (publickey).")]
    [InlineData("no logs, ssh using my key says Permission denied (publickey).")]
    public void A_sentence_with_ssh_in_it_gives_the_gateway_not_a_prose_word(string message)
    {
        var denied = Paste.Diagnose(message).Only("publickey-denied");

        Assert.Equal("ssh -v ACCOUNT@gw.ddbj.nig.ac.jp", denied.Fix);
    }

    private static IEnumerable<string> Fixes(string message) =>
        Paste.Diagnose(message).Select(f => f.Fix).OfType<string>().SelectMany(f => f.Split('\n'));

    private static IEnumerable<(string User, string Host)> Destinations(string fix)
    {
        foreach (var token in fix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('\'', '"')))
        {
            var at = token.LastIndexOf('@');
            if (at > 0 && !token.StartsWith('-') && !token.Contains('{'))
            {
                yield return (token[..at], token[(at + 1)..]);
            }
        }
        if (fix.StartsWith("ssh-keygen -R ", StringComparison.Ordinal))
        {
            var (host, _) = SshTarget.ParseKnownHostsName(fix["ssh-keygen -R ".Length..].Trim('\'', '"'));
            yield return ("ACCOUNT", host);
        }
    }

    private static IEnumerable<string> Paths(string fix) =>
        QuotedOrPath().Matches(fix).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["p"].Value)
            .Where(p => !IcaclsSwitch().IsMatch(p))
            .Where(p => p.StartsWith('/') || p.StartsWith('~') || (p.Length > 2 && p[1] == ':') || p.Contains('/') || p.Contains('\\'));

    private static bool Mentions(string text, string value) => text.Contains(value, StringComparison.Ordinal);

    // OpenSSH for Windows prints C:\\Users\\me/.ssh; the fix says C:\Users\me\.ssh.
    private static string Slashes(string text) => text.Replace("\\\\", "/").Replace('\\', '/').Replace("/./", "/");

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^/(?:inheritance|grant|remove)")]
    private static partial Regex IcaclsSwitch();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"'(?<q>[^']*)'|""(?<q>[^""$]*)""|(?<p>(?:~|/)[^\s'""]*)")]
    private static partial Regex QuotedOrPath();
}
