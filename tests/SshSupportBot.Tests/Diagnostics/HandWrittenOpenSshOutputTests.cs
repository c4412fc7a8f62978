using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>What one machine cannot record: other OpenSSH versions and platforms, the NIG gateways, and how users paste.</summary>
public class HandWrittenOpenSshOutputTests
{
    [Fact]
    public void Reads_an_unprotected_key_through_crlf_slack_fences_and_japanese_text()
    {
        var paste =
            "ログインできません。以下のエラーが出ます。\r\n```\r\ntaro@MINIPC:~$ ssh taro@gw.ddbj.nig.ac.jp\r\n" +
            "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\r\n" +
            "@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\r\n" +
            "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\r\n" +
            "Permissions 0644 for '/home/taro/.ssh/id_rsa' are too open.\r\n" +
            "It is required that your private key files are NOT accessible by others.\r\n" +
            "This private key will be ignored.\r\n" +
            "Load key \"/home/taro/.ssh/id_rsa\": bad permissions\r\n" +
            "taro@gw.ddbj.nig.ac.jp: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\r\n```\r\nよろしくお願いします。";

        var findings = Paste.Diagnose(paste);

        Assert.Equal(["private-key-too-open", "publickey-denied"], findings.Codes());
        Assert.Equal("chmod 600 '/home/taro/.ssh/id_rsa'", findings[0].Fix);
        Assert.Contains("taro@gw.ddbj.nig.ac.jp", findings[1].Message.En);
        Assert.Contains("(publickey,gssapi-keyex,gssapi-with-mic)", findings[1].Message.En);
    }

    [Theory]
    [InlineData("Permissions 0644 for '/home/taro/my keys/id_rsa' are too open.", "chmod 600 '/home/taro/my keys/id_rsa'")]
    [InlineData("Load key \"/home/o'brien/.ssh/id_ed25519\": bad permissions", "chmod 600 '/home/o'\\''brien/.ssh/id_ed25519'")]
    public void Quotes_key_paths_safely_in_the_chmod_fix(string line, string fix)
    {
        Assert.Equal(fix, Paste.Diagnose(line).Only("private-key-too-open").Fix);
    }

    [Fact]
    public void Gives_icacls_fixes_for_an_unprotected_key_on_windows()
    {
        const string paste = """
            PS C:\Users\taro> ssh taro@gw.ddbj.nig.ac.jp
            Permissions for 'C:\\Users\\taro\\.ssh\\id_ed25519' are too open.
            It is required that your private key files are NOT accessible by others.
            This private key will be ignored.
            Load key "C:\\Users\\taro\\.ssh\\id_ed25519": bad permissions
            taro@gw.ddbj.nig.ac.jp: Permission denied (publickey).
            """;

        var finding = Paste.Diagnose(paste).Only("private-key-too-open");

        Assert.Equal("C:\\Users\\taro\\.ssh\\id_ed25519", finding.Path);
        Assert.Equal(
            "icacls \"C:\\Users\\taro\\.ssh\\id_ed25519\" /inheritance:r\nicacls \"C:\\Users\\taro\\.ssh\\id_ed25519\" /grant:r \"${env:USERNAME}:(R)\"",
            finding.Fix);
    }

    [Fact]
    public void Reads_the_dns_spoofing_banner_of_the_nig_faq()
    {
        const string paste = """
            $ ssh gw.ddbj.nig.ac.jp
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @ WARNING: POSSIBLE DNS SPOOFING DETECTED! @
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            The RSA host key for gw.ddbj.nig.ac.jp has changed,
            and the key for the corresponding IP address 133.39.228.101
            is unknown. This could either mean that
            DNS SPOOFING is happening or the IP address for the host
            and its host key have changed at the same time.
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
            Someone could be eavesdropping on you right now (man-in-the-middle attack)!
            It is also possible that a host key has just been changed.
            The fingerprint for the RSA key sent by the remote host is
            SHA256:xkyH37QZowWjidMSCIbOZa7Vw1p46Dxt4nF9nFJG+hk.
            Please contact your system administrator.
            Add correct host key in /home/username/.ssh/known_hosts to get rid of this message.
            Offending RSA key in /home/username/.ssh/known_hosts:3
            RSA host key for gw.ddbj.nig.ac.jp has changed and you have requested strict checking.
            Host key verification failed.
            """;

        var findings = Paste.Diagnose(paste);
        var finding = Assert.Single(findings);

        Assert.Equal("host-key-changed", finding.Code);
        Assert.Equal("ssh-keygen -R gw.ddbj.nig.ac.jp", finding.Fix);
        Assert.Equal("/home/username/.ssh/known_hosts", finding.Path);
        Assert.Contains("gw.ddbj.nig.ac.jp", finding.Message.En);
        Assert.Contains("(RSA key)", finding.Message.En);
        Assert.Contains("SHA256:xkyH37QZowWjidMSCIbOZa7Vw1p46Dxt4nF9nFJG+hk", finding.Message.En);
        Assert.Contains("line 3", finding.Message.En);
        Assert.Contains("公式に公開されている", finding.Message.Ja);
        Assert.Contains("スパコン上ではなく自分の計算機で", finding.Message.Ja);
    }

    [Fact]
    public void Reads_the_openssh_8_wording_of_a_changed_host_key()
    {
        const string paste = """
            Offending ECDSA key in /home/taro/.ssh/known_hosts:12
              remove with:
              ssh-keygen -f "/home/taro/.ssh/known_hosts" -R "gw2.ddbj.nig.ac.jp"
            ECDSA host key for gw2.ddbj.nig.ac.jp has changed and you have requested strict checking.
            Host key verification failed.
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("ssh-keygen -R gw2.ddbj.nig.ac.jp", finding.Fix);
        Assert.Contains("(ECDSA key) of gw2.ddbj.nig.ac.jp", finding.Message.En);
        Assert.Contains("line 12", finding.Message.En);
    }

    [Fact]
    public void Removes_only_the_stale_ip_record_when_just_the_ip_key_differs()
    {
        const string paste = """
            Warning: the ECDSA host key for 'gw.ddbj.nig.ac.jp' differs from the key for the IP address '133.39.228.101'
            Offending key for IP in /home/taro/.ssh/known_hosts:5
            Matching host key in /home/taro/.ssh/known_hosts:9
            Are you sure you want to continue connecting (yes/no)?
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("host-key-changed", finding.Code);
        Assert.Equal("ssh-keygen -R 133.39.228.101", finding.Fix);
        Assert.Contains("line 5", finding.Message.En);
    }

    [Fact]
    public void Lists_offered_keys_in_the_openssh_7_order_too()
    {
        const string paste = """
            debug1: Authenticating to gw.ddbj.nig.ac.jp:22 as 'taro'
            debug1: Offering public key: RSA SHA256:TJw9tlajaiH0aereiV/pgJNd5AjBu16IL2F27nbrrkk /home/taro/.ssh/id_rsa
            debug1: Authentications that can continue: publickey,gssapi-keyex,gssapi-with-mic
            taro@gw.ddbj.nig.ac.jp: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Contains("Keys offered: /home/taro/.ssh/id_rsa.", finding.Message.En);
        Assert.Contains("taro@gw.ddbj.nig.ac.jp", finding.Message.En);
        Assert.DoesNotContain("port", finding.Message.En);
    }

    [Fact]
    public void Reads_the_openssh_8_first_connection_prompt()
    {
        const string paste = """
            The authenticity of host 'gw.ddbj.nig.ac.jp (133.39.228.101)' can't be established.
            ECDSA key fingerprint is SHA256:1x2Y3z4A5b6C7d8E9f0G1h2I3j4K5l6M7n8O9p0Q1r2.
            Are you sure you want to continue connecting (yes/no)?
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("host-key-unknown", finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("gw.ddbj.nig.ac.jp", finding.Message.En);
        Assert.Contains("SHA256:1x2Y3z4A5b6C7d8E9f0G1h2I3j4K5l6M7n8O9p0Q1r2 (ECDSA)", finding.Message.En);
    }

    [Fact]
    public void Does_not_ask_to_confirm_a_host_key_the_user_already_accepted()
    {
        const string paste = """
            The authenticity of host 'gw.ddbj.nig.ac.jp (133.39.228.101)' can't be established.
            ED25519 key fingerprint is SHA256:1x2Y3z4A5b6C7d8E9f0G1h2I3j4K5l6M7n8O9p0Q1r2.
            This key is not known by any other names.
            Are you sure you want to continue connecting (yes/no/[fingerprint])? yes
            Warning: Permanently added 'gw.ddbj.nig.ac.jp' (ED25519) to the list of known hosts.
            Last login: Thu Dec 1 15:33:59 2022 from 192.0.2.10
            """;

        Assert.Equal(["login-succeeded", "host-key-added"], Paste.Diagnose(paste).Codes());
    }

    [Fact]
    public void Points_out_that_the_local_user_name_was_used_when_none_was_typed()
    {
        const string paste = """
            taro@MINIPC:~$ ssh gw.ddbj.nig.ac.jp
            taro@gw.ddbj.nig.ac.jp: Permission denied (publickey).
            """;

        var findings = Paste.Diagnose(paste);

        Assert.Equal(["publickey-denied", "username-not-given"], findings.Codes());
        Assert.Equal("wrong-username", findings[1].Intent);
        Assert.Contains("taro", findings[1].Message.En);
        Assert.Equal("ssh ACCOUNT@gw.ddbj.nig.ac.jp", findings[1].Fix);
    }

    [Fact]
    public void Builds_the_identities_only_command_from_the_typed_command_line()
    {
        const string paste = """
            PS C:\Users\taro> ssh taro@gw.ddbj.nig.ac.jp
            Received disconnect from 133.39.228.101 port 22:2: Too many authentication failures
            Disconnected from 133.39.228.101 port 22
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("ssh -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 taro@gw.ddbj.nig.ac.jp", finding.Fix);
    }

    [Fact]
    public void Recommends_a_new_ed25519_key_when_there_is_no_mutual_signature_algorithm()
    {
        const string paste = """
            debug1: Offering public key: /home/taro/.ssh/id_rsa RSA SHA256:TJw9tlajaiH0aereiV/pgJNd5AjBu16IL2F27nbrrkk
            debug1: send_pubkey_test: no mutual signature algorithm
            taro@gw.ddbj.nig.ac.jp: Permission denied (publickey).
            """;

        var findings = Paste.Diagnose(paste);

        Assert.Equal("no-mutual-signature-algorithm", findings[0].Code);
        Assert.Equal("key-algorithm", findings[0].Intent);
        Assert.Equal("ssh-keygen -t ed25519", findings[0].Fix);
    }

    [Fact]
    public void Reads_the_nig_login_from_the_faq_as_success_with_a_passphrase_prompt()
    {
        const string paste = """
            you@wsl2:~$ ssh your_account@gw2.ddbj.nig.ac.jp
            Enter passphrase for key '/home/you/.ssh/id_rsa':
            Last login: Thu Dec 1 15:33:59 2022 from XXX.XXX.XXX.XXX
            ---------------------------------------------------------------------
            Thank you for using NIG supercomputer system.
            This is the gateway node, do not run program here.
            Please use 'qlogin' to login to a interactive node.
            ---------------------------------------------------------------------
            your_account@gw4:~ (2022-12-01 15:34:50)
            $
            """;

        var findings = Paste.Diagnose(paste);

        Assert.Equal("ssh-add '/home/you/.ssh/id_rsa'", findings.Only("passphrase-prompt").Fix);
        var login = findings.Only("login-succeeded");
        Assert.Equal("gateway-node", login.Intent);
        Assert.Contains("遺伝研スパコン", login.Message.Ja);
        Assert.Contains("qlogin", login.Message.En);
        Assert.DoesNotContain("passphrase-incorrect", findings.Codes());
    }

    [Theory]
    [InlineData("Load key \"/home/taro/.ssh/id_ed25519\": incorrect passphrase supplied to decrypt private key")]
    [InlineData("Bad passphrase, try again for /home/taro/.ssh/id_ed25519:")]
    public void Reports_an_incorrect_passphrase(string line)
    {
        var finding = Paste.Diagnose(line).Only("passphrase-incorrect");

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("passphrase", finding.Intent);
    }

    [Theory]
    [InlineData("ssh: connect to host gw.ddbj.nig.ac.jp port 22: Connection timed out", "connection-timeout")]
    [InlineData("ssh: connect to host gw.ddbj.nig.ac.jp port 22: Operation timed out", "connection-timeout")]
    [InlineData("ssh: connect to host gw.ddbj.nig.ac.jp port 22: Network is unreachable", "network-unreachable")]
    [InlineData("ssh: connect to host gw.ddbj.nig.ac.jp port 22: No route to host", "network-unreachable")]
    [InlineData("ssh: connect to host gw.ddbj.nig.ac.jp port 22: Connection refused", "connection-refused")]
    public void Classifies_connection_failures_of_other_platforms(string line, string code)
    {
        var finding = Assert.Single(Paste.Diagnose(line));

        Assert.Equal(code, finding.Code);
        Assert.Equal("connection-failed", finding.Intent);
        Assert.Contains("gw.ddbj.nig.ac.jp", finding.Message.En);
    }

    [Theory]
    [InlineData("ssh: Could not resolve hostname gw.ddbj.nig.ac,jp: No such host is known.", "gw.ddbj.nig.ac,jp")]
    [InlineData("ssh: Could not resolve hostname gw.ddbj.nig.ac.jp: nodename nor servname provided, or not known", "gw.ddbj.nig.ac.jp")]
    public void Reports_unresolved_host_names_from_windows_and_macos(string line, string host)
    {
        var finding = Paste.Diagnose(line).Only("host-not-found");

        Assert.Contains(host, finding.Message.En);
    }

    [Fact]
    public void Moves_a_port_from_the_host_name_keeping_the_typed_user()
    {
        const string paste = """
            $ ssh taro@gw2.ddbj.nig.ac.jp:2222
            ssh: Could not resolve hostname gw2.ddbj.nig.ac.jp:2222: Name or service not known
            """;

        Assert.Equal("ssh -p 2222 taro@gw2.ddbj.nig.ac.jp", Paste.Diagnose(paste).Only("host-with-port").Fix);
    }

    [Theory]
    [InlineData("client_loop: send disconnect: Broken pipe")]
    [InlineData("packet_write_wait: Connection to 133.39.228.101 port 22: Broken pipe")]
    [InlineData("Connection to gw.ddbj.nig.ac.jp closed by remote host.")]
    [InlineData("Timeout, server gw.ddbj.nig.ac.jp not responding.")]
    [InlineData("Read from remote host gw.ddbj.nig.ac.jp: Connection reset by peer")]
    public void Suggests_keepalives_when_a_session_drops(string line)
    {
        var findings = Paste.Diagnose($"taro@gw4:~ (2024-01-01 10:00:00)\n$ {line}\n");
        var finding = Assert.Single(findings);

        Assert.Equal("connection-dropped", finding.Code);
        Assert.Equal("connection-drops", finding.Intent);
        Assert.Contains("Host *", finding.Fix);
        Assert.Contains("ServerAliveInterval 20", finding.Fix);
        Assert.Contains("TCPKeepAlive no", finding.Fix);
    }

    [Fact]
    public void Reads_the_openssh_8_authenticated_line_without_method()
    {
        var finding = Assert.Single(Paste.Diagnose("Authenticated to gw.ddbj.nig.ac.jp ([133.39.228.101]:22)."));

        Assert.Equal("login-succeeded", finding.Code);
        Assert.Contains("gw.ddbj.nig.ac.jp", finding.Message.En);
    }

    [Fact]
    public void Gives_icacls_commands_for_a_bad_config_on_windows()
    {
        var finding = Paste.Diagnose("Bad owner or permissions on C:\\Users\\taro/.ssh/config").Only("config-bad-permissions");

        Assert.StartsWith("icacls \"C:\\Users\\taro\\.ssh\\config\" /inheritance:r", finding.Fix);
    }

    [Theory]
    [InlineData("Load key \"/home/taro/.ssh/id_ed25519.pub\": invalid format", "ssh-keygen -y -f '/home/taro/.ssh/id_ed25519'")]
    [InlineData("Load key \"/home/taro/.ssh/id_ed25519\": error in libcrypto", "ssh-keygen -y -f '/home/taro/.ssh/id_ed25519'")]
    [InlineData("Load key \"/home/taro/gw.ppk\": invalid format", "puttygen '/home/taro/gw.ppk' -O private-openssh -o '/home/taro/gw'")]
    public void Explains_a_key_file_ssh_cannot_read_before_the_refusal(string line, string fix)
    {
        var findings = Paste.Diagnose(line + "\ntaro@gw.ddbj.nig.ac.jp: Permission denied (publickey).");

        Assert.Equal(["key-invalid-format", "publickey-denied"], findings.Codes());
        Assert.Equal(fix, findings[0].Fix);
    }

    [Theory]
    [InlineData("kex_exchange_identification: read: Connection reset by peer")]
    [InlineData("kex_exchange_identification: Connection closed by remote host")]
    [InlineData("Connection closed by 133.39.228.101 port 22")]
    public void Reports_a_connection_closed_before_login_as_a_connection_failure(string line)
    {
        var finding = Assert.Single(Paste.Diagnose(line));

        Assert.Equal("connection-closed-before-login", finding.Code);
        Assert.Equal("connection-failed", finding.Intent);
    }

    [Fact]
    public void Reads_a_filtered_ssh_g_paste()
    {
        const string paste = """
            $ ssh -G gw | grep -E '^(user|hostname|port|identityfile) '
            user tanaka
            hostname gw.ddbj.nig.ac.jp
            port 22
            identityfile ~/.ssh/id_ed25519
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("effective-config", finding.Code);
        Assert.Contains("as user tanaka", finding.Message.En);
        Assert.Contains("ユーザー名 tanaka", finding.Message.Ja);
    }

    [Fact]
    public void Reads_user_and_host_through_slack_auto_links()
    {
        const string paste = "ssh <mailto:taro@gw.ddbj.nig.ac.jp|taro@gw.ddbj.nig.ac.jp> で\nReceived disconnect from 133.39.228.101 port 22:2: Too many authentication failures";

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("ssh -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 taro@gw.ddbj.nig.ac.jp", finding.Fix);
    }

    [Fact]
    public void Does_not_take_prose_after_the_word_ssh_for_a_host()
    {
        const string paste = """
            ssh で接続すると次のように出ます
            $ ssh -i ~/.ssh/id_ed25519 hanako@gw2.ddbj.nig.ac.jp
            Received disconnect from 133.39.228.101 port 22:2: Too many authentication failures
            """;

        Assert.Equal("ssh -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 hanako@gw2.ddbj.nig.ac.jp", Assert.Single(Paste.Diagnose(paste)).Fix);
    }

    [Fact]
    public void Finds_nothing_in_a_plain_question()
    {
        Assert.Empty(Paste.Diagnose("スパコンにログインできません。どうすればいいですか？ user@example.com"));
    }

    [Fact]
    public void Sorts_findings_by_severity_critical_first()
    {
        var paste = "taro@gw.ddbj.nig.ac.jp: Permission denied (publickey).\n" + PrivateKeys.OpenSsh;

        var findings = Paste.Diagnose(paste);

        Assert.Equal("private-key-pasted", findings[0].Code);
        Assert.Equal(FindingSeverity.Critical, findings[0].Severity);
        Assert.Equal("publickey-denied", findings[1].Code);
    }
}
