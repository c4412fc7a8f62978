namespace SshSupportBot.Tests.Diagnostics;

/// <summary>Wordings of ssh-add, macOS Terminal and PuTTY that must not be misread as something else.</summary>
public class ClientWordingTests
{
    // Recorded from OpenSSH 9.2's ssh-add run under script(1), passphrase typed on the terminal.
    private const string SshAddRecorded = "Enter passphrase for /tmp/sshadd/id_ed25519: \nIdentity added: /tmp/sshadd/id_ed25519 (taro@MacBook-Air.local)\n";

    [Fact]
    public void A_key_added_to_the_agent_is_a_passphrase_answer_not_a_login()
    {
        var findings = Paste.Diagnose(SshAddRecorded);

        var added = Assert.Single(findings);
        Assert.Equal("passphrase-agent-added", added.Code);
        Assert.Equal("passphrase", added.Intent);
        Assert.Equal("/tmp/sshadd/id_ed25519", added.Path);
        Assert.Contains("not a login", added.Message.En);
    }

    [Fact]
    public void A_mac_key_added_to_the_agent_gets_the_keychain_command_for_that_key()
    {
        var added = Paste.Diagnose(SshAddRecorded.Replace("/tmp/sshadd/", "/Users/taro/.ssh/")).Only("passphrase-agent-added");

        Assert.Equal("ssh-add --apple-use-keychain '/Users/taro/.ssh/id_ed25519'", added.Fix);
    }

    [Fact]
    public void A_local_terminal_banner_is_not_a_login_to_the_gateway()
    {
        var findings = Paste.Diagnose("Last login: Sun Dec 17 17:35:38 on ttys001\ntaro@MacBook-Air ~ % ssh taro@gw.ddbj.nig.ac.jp\ntaro@gw.ddbj.nig.ac.jp: Permission denied (publickey).");

        Assert.DoesNotContain("login-succeeded", findings.Codes());
        Assert.Equal("publickey-denied", findings[0].Code);
    }

    [Fact]
    public void An_sshd_last_login_line_is_still_a_login()
    {
        Assert.Contains("login-succeeded", Paste.Diagnose("Last login: Wed Sep  9 10:11:02 2020 from 192.0.2.10").Codes());
    }

    [Fact]
    public void Putty_given_an_openssh_key_is_told_to_convert_it_with_puttygen()
    {
        var finding = Paste.Diagnose("Unable to use key file \"C:\\Users\\taro\\.ssh\\id_ed25519\" (OpenSSH SSH-2 private key)").Only("putty-openssh-key");

        Assert.Equal("permission-denied-publickey", finding.Intent);
        Assert.Contains("PuTTYgen", finding.Message.En);
        Assert.Equal("puttygen \"C:\\Users\\taro\\.ssh\\id_ed25519\" -o \"C:\\Users\\taro\\.ssh\\id_ed25519.ppk\"", finding.Fix);
        Assert.DoesNotContain("chmod", finding.Fix);
    }

    [Fact]
    public void A_ppk_key_reported_too_open_is_converted_not_chmodded()
    {
        var finding = Paste.Diagnose("Permissions 0644 for '/home/taro/gw.ppk' are too open.").Only("key-putty-format");

        Assert.Equal("puttygen '/home/taro/gw.ppk' -O private-openssh -o '/home/taro/gw'", finding.Fix);
    }

    [Fact]
    public void A_private_key_owned_by_root_gets_chown_as_well_as_chmod()
    {
        var finding = Paste.Diagnose("Load key \"/home/taro/.ssh/id_ed25519\": Permission denied\ntaro@gw.ddbj.nig.ac.jp: Permission denied (publickey).")
            .Only("private-key-unreadable");

        Assert.Equal("sudo chown \"$USER\" '/home/taro/.ssh/id_ed25519'\nchmod 600 '/home/taro/.ssh/id_ed25519'", finding.Fix);
    }

    [Fact]
    public void An_ellipsis_in_a_windows_path_never_becomes_a_path_in_a_command()
    {
        var finding = Paste.Diagnose("Permissions for 'C:\\\\Users\\\\...\\\\id_rsa' are too open.").Only("private-key-too-open");

        Assert.Null(finding.Fix);
        Assert.Null(finding.Path);
    }

    [Fact]
    public void The_one_key_named_after_the_agents_keys_is_the_key_in_the_fix()
    {
        var finding = Paste.Diagnose("debug1: Will attempt key: taro@laptop ED25519 SHA256:abc agent\n"
            + "debug2: key: /home/taro/.ssh/gw_ed25519 ((nil)), explicit\n"
            + "Received disconnect from 192.0.2.1 port 22:2: Too many authentication failures").Only("too-many-auth-failures");

        Assert.Equal("ssh -o IdentitiesOnly=yes -i '/home/taro/.ssh/gw_ed25519' ACCOUNT@192.0.2.1", finding.Fix);
    }
}
