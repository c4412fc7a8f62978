using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>What chat, forums, log files and JSON wrappers do to pasted ssh output, undone before the analyzers read it.</summary>
public class PasteNormalizerTests
{
    private static IReadOnlyList<string> Lines(string raw) => PasteNormalizer.Lines(raw);

    [Fact]
    public void Slack_mailto_and_url_links_become_the_text_the_user_saw()
    {
        var lines = Lines("<mailto:taro@gw.ddbj.nig.ac.jp|taro@gw.ddbj.nig.ac.jp>: Permission denied (publickey).\nHost key for <http://gw.ddbj.nig.ac.jp|gw.ddbj.nig.ac.jp> has changed");

        Assert.Equal(["taro@gw.ddbj.nig.ac.jp: Permission denied (publickey).", "Host key for gw.ddbj.nig.ac.jp has changed"], lines);
    }

    [Fact]
    public void A_markdown_link_inside_known_hosts_brackets_becomes_the_host()
    {
        Assert.Equal(["ssh-keygen -R '[hub.example.org]:2222'"], Lines("ssh-keygen -R '[[hub.example.org](http://hub.example.org/)]:2222'"));
    }

    [Fact]
    public void Html_entities_and_typographic_quotes_become_ascii()
    {
        Assert.Equal(["Load key \"/home/u/.ssh/id_rsa\": invalid format", "Permissions 0644 for '/home/u/.ssh/id_rsa' are too open."],
            Lines("Load key &quot;/home/u/.ssh/id_rsa&quot;: invalid format\nPermissions 0644 for ‘/home/u/.ssh/id_rsa’ are too open."));
    }

    [Fact]
    public void Escaped_line_ends_inside_a_json_string_become_lines()
    {
        var lines = Lines("\"msg\": \"Failed to connect to the host via ssh: Warning: Permanently added 'x' (ED25519).\\r\\nu@h: Permission denied (publickey).\\r\\n\",");

        Assert.Contains("u@h: Permission denied (publickey).", lines);
        Assert.DoesNotContain(lines, l => l.Contains("\\r\\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_windows_domain_user_is_not_taken_for_an_escaped_line_end()
    {
        Assert.Equal(["wbi\\nxf91795@10.12.176.66's password:"], Lines("[11:10:27.268] > wbi\\nxf91795@10.12.176.66's password: "));
    }

    [Fact]
    public void Doubled_backslashes_of_windows_openssh_survive_outside_json()
    {
        Assert.Equal(["Bad owner or permissions on C:\\\\Users\\\\taro/.ssh/config"], Lines("Bad owner or permissions on C:\\\\Users\\\\taro/.ssh/config"));
    }

    [Theory]
    [InlineData("[08:34:38.959] stderr> Bad owner or permissions on /x")]
    [InlineData("> Bad owner or permissions on /x")]
    [InlineData("[stderr] Bad owner or permissions on /x")]
    [InlineData("2576 15:25:27:432 error: Bad owner or permissions on /x")]
    [InlineData("Feb  6 02:32:46 k*****o sshd[1615]: Bad owner or permissions on /x")]
    [InlineData("auth.info sshd[37]: Bad owner or permissions on /x")]
    [InlineData("2024-05-01T10:11:12.1234567Z Bad owner or permissions on /x")]
    [InlineData("`Bad owner or permissions on /x`")]
    [InlineData("null_resource.master_reboot[1] (local-exec): Bad owner or permissions on /x")]
    public void Log_and_quote_prefixes_are_removed(string line)
    {
        Assert.Equal(["Bad owner or permissions on /x"], Lines(line));
    }

    [Fact]
    public void A_line_git_for_windows_wrapped_at_eighty_columns_is_joined_mid_word()
    {
        var lines = Lines("Permissions 0644 for '/c/Documents and Settings/Administrator/.ssh/id_rsa' are t\noo open.\nIt is recommended that your private key files are NOT accessible by others.");

        Assert.Equal("Permissions 0644 for '/c/Documents and Settings/Administrator/.ssh/id_rsa' are too open.", lines[0]);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void A_line_a_forum_wrapped_at_a_space_is_joined_with_the_space()
    {
        var lines = Lines("RSA host key for appletv.local has changed and you have requested strict \nchecking.");

        Assert.Equal(["RSA host key for appletv.local has changed and you have requested strict checking."], lines);
    }

    [Fact]
    public void Lines_that_start_on_their_own_are_never_joined()
    {
        var eighty = "debug1: Authentications that can continue: publickey,gssapi-keyex,gssapi-with";
        var lines = Lines($"{eighty}\ndebug1: Next authentication method: publickey\n{eighty}\ndrwx------ 2 taro taro 4096 Jan  1 00:00 .ssh");

        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public void A_long_ssh_g_keyword_line_does_not_swallow_the_next_keyword()
    {
        var lines = Lines("pubkeyacceptedalgorithms ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512,ssh-rsa\nuser taro");

        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Shared_indentation_is_removed_and_relative_indentation_kept()
    {
        var lines = Lines("    C:\\Users\\taro\\.ssh\\id_ed25519 NT AUTHORITY\\SYSTEM:(F)\n                                     BUILTIN\\Users:(R)");

        Assert.StartsWith("C:\\Users", lines[0]);
        Assert.StartsWith(" ", lines[1]);
    }

    [Fact]
    public void Code_fences_and_carriage_returns_split_lines_and_blank_runs_shrink_to_one()
    {
        Assert.Equal(["", "a", "b", ""], Lines("```a\r\nb```\r\n\n\n"));
    }
}
