using System.Text.RegularExpressions;
using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>Outputs recorded from the real OpenSSH 9.2 client and server (Fixtures/openssh/record.sh).</summary>
public class RecordedOpenSshOutputTests
{
    private const string Target = "sshfixture@127.0.0.1";

    [Fact]
    public void Names_the_exact_key_path_and_chmod_fix_for_unprotected_key()
    {
        var finding = Paste.DiagnoseFixture("private-key-too-open").Only("private-key-too-open");

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("unprotected-private-key", finding.Intent);
        Assert.Equal($"{Paste.SshDir}/id_ed25519", finding.Path);
        Assert.Equal($"chmod 600 '{Paste.SshDir}/id_ed25519'", finding.Fix);
        Assert.Contains($"{Paste.SshDir}/id_ed25519", finding.Message.En);
        Assert.Contains($"{Paste.SshDir}/id_ed25519", finding.Message.Ja);
    }

    [Theory]
    [InlineData("private-key-too-open")]
    [InlineData("private-key-too-open-v")]
    public void Puts_the_unprotected_key_before_the_permission_denied_it_causes(string fixture)
    {
        var codes = Paste.DiagnoseFixture(fixture).Codes();

        Assert.Equal("private-key-too-open", codes[0]);
        Assert.Contains("publickey-denied", codes);
    }

    [Fact]
    public void Verbose_unprotected_key_output_says_the_server_accepted_the_public_key()
    {
        var denied = Paste.DiagnoseFixture("private-key-too-open-v").Only("publickey-denied");

        Assert.Contains($"The server accepted the public key of {Paste.SshDir}/id_ed25519", denied.Message.En);
    }

    [Theory]
    [InlineData("publickey-denied-wrong-key")]
    [InlineData("publickey-denied-no-key")]
    [InlineData("publickey-denied-missing-identity")]
    [InlineData("publickey-password-denied")]
    public void Reports_publickey_denial_with_user_host_and_a_verbose_rerun(string fixture)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("publickey-denied");

        Assert.Equal("permission-denied-publickey", finding.Intent);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains(Target, finding.Message.En);
        Assert.Contains("port 22422", finding.Message.En);
        Assert.Equal($"ssh -v -p 22422 {Target}", finding.Fix);
    }

    [Fact]
    public void Keeps_the_methods_the_server_listed_when_password_is_also_allowed()
    {
        var finding = Paste.DiagnoseFixture("publickey-password-denied").Only("publickey-denied");

        Assert.Contains("(publickey,password)", finding.Message.En);
    }

    [Theory]
    [InlineData("publickey-denied-wrong-key-v")]
    [InlineData("publickey-denied-wrong-key-vvv")]
    public void Lists_the_key_that_was_offered_and_refused_from_verbose_output(string fixture)
    {
        var findings = Paste.DiagnoseFixture(fixture);
        var denied = findings.Only("publickey-denied");

        Assert.Contains($"Keys offered: {Paste.SshDir}/other_ed25519.", denied.Message.En);
        Assert.Contains($"提示した鍵: {Paste.SshDir}/other_ed25519", denied.Message.Ja);
        Assert.Null(denied.Fix);
        Assert.DoesNotContain("no-key-offered", findings.Codes());
    }

    [Fact]
    public void Names_the_user_that_was_tried_when_it_is_not_the_account()
    {
        var denied = Paste.DiagnoseFixture("publickey-denied-wrong-user-v").Only("publickey-denied");

        Assert.Contains("nosuchuser@127.0.0.1", denied.Message.En);
        Assert.Contains("ユーザー名（nosuchuser）", denied.Message.Ja);
    }

    [Theory]
    [InlineData("publickey-denied-no-key-v")]
    [InlineData("publickey-denied-no-key-vvv")]
    public void Says_no_key_was_offered_and_which_files_were_missing(string fixture)
    {
        var noKey = Paste.DiagnoseFixture(fixture).Only("no-key-offered");

        Assert.Equal(FindingSeverity.Warning, noKey.Severity);
        Assert.Contains($"{Paste.SshDir}/id_ed25519", noKey.Message.En);
        Assert.Contains($"{Paste.SshDir}/id_rsa", noKey.Message.En);
        Assert.Equal("ssh-keygen -t ed25519", noKey.Fix);
    }

    [Fact]
    public void Names_the_identity_file_that_does_not_exist()
    {
        var missing = Paste.DiagnoseFixture("publickey-denied-missing-identity").Only("key-file-missing");

        Assert.Equal($"{Paste.SshDir}/id_missing", missing.Path);
        Assert.Contains($"{Paste.SshDir}/id_missing", missing.Message.Ja);
    }

    [Theory]
    [InlineData("host-key-changed")]
    [InlineData("host-key-changed-v")]
    public void Gives_host_port_fingerprint_and_known_hosts_line_for_a_changed_host_key(string fixture)
    {
        var text = Paste.Fixture(fixture);
        var findings = Paste.DiagnoseFixture(fixture);
        var finding = findings.Only("host-key-changed");

        Assert.Equal("host-key-changed", finding.Intent);
        Assert.Equal("ssh-keygen -R '[127.0.0.1]:22422'", finding.Fix);
        Assert.Equal($"{Paste.SshDir}/known_hosts", finding.Path);
        Assert.Contains("[127.0.0.1]:22422", finding.Message.En);
        Assert.Contains("ED25519", finding.Message.En);
        Assert.Contains(NewHostFingerprint(text), finding.Message.En);
        Assert.Contains(NewHostFingerprint(text), finding.Message.Ja);
        Assert.Contains("line 1", finding.Message.En);
        Assert.Contains("officially published", finding.Message.En);
        Assert.Contains("on your own computer", finding.Message.En);
        Assert.Contains("自分の計算機で", finding.Message.Ja);
        Assert.DoesNotContain("host-key-unknown", findings.Codes());
    }

    [Fact]
    public void Reports_an_unknown_host_with_its_fingerprint_from_the_first_connection_prompt()
    {
        var text = Paste.Fixture("host-key-unknown-prompt");
        var finding = Paste.Diagnose(text).Only("host-key-unknown");

        Assert.Equal("host-key-confirm", finding.Intent);
        Assert.Contains("[127.0.0.1]:22422", finding.Message.En);
        Assert.Contains(Regex.Match(text, @"SHA256:[A-Za-z0-9+/]{43}").Value, finding.Message.En);
        Assert.Equal($"ssh -p 22422 {Target}", finding.Fix);
    }

    [Theory]
    [InlineData("host-key-unknown-strict")]
    [InlineData("host-key-unknown-batch")]
    public void Treats_host_key_verification_failure_without_a_changed_banner_as_an_unknown_host(string fixture)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("host-key-unknown");

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("[127.0.0.1]:22422", finding.Message.En);
    }

    [Theory]
    [InlineData("host-key-accept-new")]
    [InlineData("login-succeeded")]
    public void Notes_that_a_new_host_key_was_recorded(string fixture)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("host-key-added");

        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Contains("[127.0.0.1]:22422", finding.Message.En);
    }

    [Theory]
    [InlineData("too-many-auth-failures")]
    [InlineData("too-many-auth-failures-v")]
    [InlineData("too-many-auth-failures-default")]
    public void Suggests_identities_only_with_the_user_and_host_found(string fixture)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("too-many-auth-failures");

        Assert.Equal("too-many-auth-failures", finding.Intent);
        Assert.Equal($"ssh -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 -p 22422 {Target}", finding.Fix);
    }

    [Fact]
    public void Lists_the_keys_offered_before_the_server_gave_up()
    {
        var finding = Paste.DiagnoseFixture("too-many-auth-failures-v").Only("too-many-auth-failures");

        Assert.Contains($"{Paste.SshDir}/extra1, {Paste.SshDir}/extra2", finding.Message.En);
    }

    [Fact]
    public void Reports_a_wrong_passphrase_before_the_refusal_it_caused()
    {
        var findings = Paste.DiagnoseFixture("passphrase-wrong-tty");
        var finding = findings.Only("passphrase-incorrect");

        Assert.Equal("passphrase-incorrect", findings[0].Code);
        Assert.Equal("passphrase", finding.Intent);
        Assert.Equal($"{Paste.SshDir}/locked_ed25519", finding.Path);
    }

    [Theory]
    [InlineData("key-algorithm-host-key", "no-matching-host-key-type", "ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256")]
    [InlineData("key-algorithm-kex", "no-matching-key-exchange", "curve25519-sha256")]
    public void Reports_algorithm_negotiation_failures_with_the_servers_offer(string fixture, string code, string offered)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only(code);

        Assert.Equal("key-algorithm", finding.Intent);
        Assert.Contains(offered, finding.Message.En);
    }

    [Theory]
    [InlineData("connection-refused")]
    [InlineData("connection-refused-v")]
    public void Reports_a_refused_connection_with_host_and_port(string fixture)
    {
        var finding = Assert.Single(Paste.DiagnoseFixture(fixture));

        Assert.Equal("connection-refused", finding.Code);
        Assert.Equal("connection-failed", finding.Intent);
        Assert.Contains("127.0.0.1", finding.Message.En);
        Assert.Contains("port 1 ", finding.Message.En);
    }

    [Fact]
    public void Reports_a_host_name_that_does_not_resolve()
    {
        var finding = Paste.DiagnoseFixture("host-not-found").Only("host-not-found");

        Assert.Contains("nonexistent.invalid", finding.Message.En);
        Assert.Contains("nonexistent.invalid", finding.Message.Ja);
    }

    [Fact]
    public void Moves_a_port_written_into_the_host_name_to_the_p_option()
    {
        var finding = Paste.DiagnoseFixture("host-with-port").Only("host-with-port");

        Assert.Equal("connection-failed", finding.Intent);
        Assert.Contains("gw.ddbj.nig.ac.jp:22", finding.Message.En);
        Assert.Equal("ssh -p 22 sshfixture@gw.ddbj.nig.ac.jp", finding.Fix);
    }

    [Fact]
    public void Fixes_bad_owner_or_permissions_on_the_users_config()
    {
        var finding = Paste.DiagnoseFixture("config-bad-permissions").Only("config-bad-permissions");

        Assert.Equal("file-permissions", finding.Intent);
        Assert.Equal($"{Paste.SshDir}/config", finding.Path);
        Assert.StartsWith($"chmod 600 '{Paste.SshDir}/config'", finding.Fix);
        Assert.Contains("chown", finding.Fix);
    }

    [Theory]
    [InlineData("login-succeeded-v", "using publickey")]
    [InlineData("login-succeeded-tty", "127.0.0.1")]
    public void Says_so_when_the_login_worked(string fixture, string detail)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("login-succeeded");

        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Contains(detail, finding.Message.En);
    }

    [Theory]
    [InlineData("ssh-g", "gw.ddbj.nig.ac.jp")]
    [InlineData("ssh-g-default", "gw.ddbj.nig.ac.jp")]
    public void Summarises_the_effective_ssh_g_configuration(string fixture, string hostname)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("effective-config");

        Assert.Equal("wrong-username", finding.Intent);
        Assert.Contains($"{hostname} port 22 as user sshfixture", finding.Message.En);
        Assert.Contains("~/.ssh/id_ed25519", finding.Message.En);
    }

    [Fact]
    public void Sees_that_matching_fingerprints_are_a_key_pair()
    {
        var finding = Assert.Single(Paste.DiagnoseFixture("keygen-fingerprints-match"));

        Assert.Equal("fingerprints-match", finding.Code);
        Assert.Equal("key-mismatch", finding.Intent);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }

    [Fact]
    public void Sees_that_different_fingerprints_are_not_a_key_pair()
    {
        var text = Paste.Fixture("keygen-fingerprints-differ");
        var finding = Assert.Single(Paste.Diagnose(text));

        Assert.Equal("fingerprints-differ", finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        foreach (Match fingerprint in Regex.Matches(text, @"SHA256:[A-Za-z0-9+/]{43}"))
        {
            Assert.Contains(fingerprint.Value, finding.Message.En);
        }
    }

    [Theory]
    [InlineData("stat-good")]
    [InlineData("ls-l-good")]
    public void Says_all_good_for_a_correct_listing(string fixture)
    {
        var finding = Assert.Single(Paste.DiagnoseFixture(fixture));

        Assert.Equal("permissions-ok", finding.Code);
        Assert.Equal("file-permissions", finding.Intent);
        Assert.Contains($"{Paste.SshDir}/id_ed25519 (600)", finding.Message.En);
    }

    [Theory]
    [InlineData("stat-bad")]
    [InlineData("ls-l-bad")]
    public void Gives_exact_chmod_fixes_for_every_wrong_path_in_a_bad_listing(string fixture)
    {
        var findings = Paste.DiagnoseFixture(fixture);

        Assert.Equal($"chmod go-w '{Paste.Home}'", findings.Only("home-writable-by-others").Fix);
        Assert.Equal($"chmod 700 '{Paste.SshDir}'", findings.Only("ssh-dir-mode").Fix);
        Assert.Equal($"chmod 600 '{Paste.SshDir}/id_ed25519'", findings.Only("private-key-mode").Fix);
        Assert.Equal($"chmod 600 '{Paste.SshDir}/authorized_keys'", findings.Only("authorized-keys-mode").Fix);
        Assert.Equal($"chmod 600 '{Paste.SshDir}/known_hosts'", findings.Only("known-hosts-mode").Fix);
        Assert.Equal($"chmod 600 '{Paste.SshDir}/config'", findings.Only("config-writable").Fix);
        Assert.DoesNotContain("permissions-ok", findings.Codes());
        Assert.All(findings, f => Assert.Equal("file-permissions", f.Intent));
    }

    [Fact]
    public void Says_which_side_each_file_belongs_on()
    {
        var findings = Paste.DiagnoseFixture("stat-bad");

        Assert.Contains("supercomputer (server) side", findings.Only("authorized-keys-mode").Message.En);
        Assert.Contains("only on your own computer", findings.Only("private-key-mode").Message.En);
        Assert.Contains("自分の計算機側", findings.Only("known-hosts-mode").Message.Ja);
    }

    [Theory]
    [InlineData("ls-l-bad", Paste.SshDir + "/id_rsa")]
    [InlineData("ls-la-bad", "~/.ssh/id_rsa")]
    public void Reports_a_file_owned_by_another_user(string fixture, string path)
    {
        var finding = Paste.DiagnoseFixture(fixture).Only("wrong-owner");

        Assert.Equal(path, finding.Path);
        Assert.Contains("owned by root, not by sshfixture", finding.Message.En);
        Assert.EndsWith($"chown sshfixture:sshfixture {ShellQuoteOf(path)}", finding.Fix);
    }

    [Fact]
    public void Reads_dot_and_dot_dot_of_an_ls_la_listing_as_ssh_dir_and_home()
    {
        var findings = Paste.DiagnoseFixture("ls-la-bad");

        Assert.Equal("~/.ssh", findings.Only("ssh-dir-mode").Path);
        Assert.Equal("~", findings.Only("home-writable-by-others").Path);
    }

    [Fact]
    public void Every_recorded_error_output_gives_at_least_one_finding()
    {
        var silent = Paste.FixtureNames().Where(name => name != "keygen-remove-host" && Paste.DiagnoseFixture(name).Count == 0).ToList();

        Assert.Empty(silent);
    }

    private static string NewHostFingerprint(string text) =>
        Regex.Match(text, @"sent by the remote host is\n(SHA256:[A-Za-z0-9+/]{43})").Groups[1].Value is { Length: > 0 } fp ? fp : throw new InvalidOperationException("no fingerprint in fixture");

    private static string ShellQuoteOf(string path) => path.StartsWith('~') ? path : $"'{path}'";
}
