using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>Listings from other systems and locales: macOS stat, Japanese ls, ACL markers, the supercomputer side, icacls.</summary>
public class PermissionListingTests
{
    [Fact]
    public void Judges_a_macos_stat_listing()
    {
        const string paste = """
            taro@MacBook ~ % stat -f "%Lp %N" ~ ~/.ssh ~/.ssh/*
            755 /Users/taro
            700 /Users/taro/.ssh
            644 /Users/taro/.ssh/config
            644 /Users/taro/.ssh/id_ed25519
            644 /Users/taro/.ssh/id_ed25519.pub
            644 /Users/taro/.ssh/known_hosts
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("private-key-mode", finding.Code);
        Assert.Equal("/Users/taro/.ssh/id_ed25519", finding.Path);
        Assert.Equal("chmod 600 '/Users/taro/.ssh/id_ed25519'", finding.Fix);
    }

    [Theory]
    [InlineData("775 /home/taro", "/home/taro", "chmod go-w '/home/taro'")]
    [InlineData("drwxrwxrwx 30 taro taro 4096 May  5 13:37 /Users/taro", "/Users/taro", "chmod go-w '/Users/taro'")]
    public void Judges_a_home_directory_listed_on_its_own(string line, string path, string fix)
    {
        var finding = Assert.Single(Paste.Diagnose(line));

        Assert.Equal("home-writable-by-others", finding.Code);
        Assert.Equal(path, finding.Path);
        Assert.Equal(fix, finding.Fix);
    }

    [Fact]
    public void Judges_a_macos_symbolic_stat_listing()
    {
        const string paste = """
            $ stat -f "%Sp %N" ~/.ssh ~/.ssh/id_rsa
            drwxr-xr-x /Users/taro/.ssh
            -rw------- /Users/taro/.ssh/id_rsa
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("ssh-dir-mode", finding.Code);
        Assert.Equal("chmod 700 '/Users/taro/.ssh'", finding.Fix);
    }

    [Fact]
    public void Reads_the_japanese_ls_listing_of_the_nig_faq()
    {
        const string paste = """
            🎯 you@MINIPC:~ (2025-05-05 14:08:37)
            $ ls -l ~/.ssh
            合計 80
            -rw------- 1 you you     0  4月 10 18:21 authorized_keys
            -rw-rw-r-- 1 you you  1373  5月  5 13:37 config
            -rw------- 1 you you   419  5月  2 07:52 id_ed25519
            -rw-r--r-- 1 you you   105  5月  2 07:52 id_ed25519.pub
            -rw------- 1 you you  1766  3月 14 14:09 id_rsa
            -rw-r--r-- 1 you you   105  3月 14 14:09 id_rsa.pub
            -rw------- 1 you you 10368  5月  2 08:05 known_hosts
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("config-writable", finding.Code);
        Assert.Equal("~/.ssh/config", finding.Path);
        Assert.Equal("chmod 600 ~/.ssh/config", finding.Fix);
        Assert.Contains("664", finding.Message.Ja);
    }

    [Fact]
    public void Reads_the_stat_example_of_the_nig_faq()
    {
        const string paste = """
            you@MINIPC:~ (2025-05-05 14:07:49)
            $ stat -c "%a %n" ~/.ssh
            700 /home/you/.ssh
            you@MINIPC:~ (2025-05-05 14:08:06)
            $ stat -c "%a %n" ~/.ssh/*
            600 /home/you/.ssh/authorized_keys
            664 /home/you/.ssh/config
            600 /home/you/.ssh/id_ed25519
            644 /home/you/.ssh/id_ed25519.pub
            600 /home/you/.ssh/id_rsa
            644 /home/you/.ssh/id_rsa.pub
            600 /home/you/.ssh/known_hosts
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("config-writable", finding.Code);
        Assert.Equal("chmod 600 '/home/you/.ssh/config'", finding.Fix);
    }

    [Fact]
    public void Accepts_400_keys_711_and_750_homes_and_644_known_hosts()
    {
        const string paste = """
            711 /home/taro
            700 /home/taro/.ssh
            400 /home/taro/.ssh/id_ed25519
            644 /home/taro/.ssh/known_hosts
            600 /home/taro/.ssh/authorized_keys
            750 /home/hanako
            700 /home/hanako/.ssh
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("permissions-ok", finding.Code);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }

    [Fact]
    public void Reads_ls_la_with_acl_markers_and_other_owners()
    {
        const string paste = """
            taro@MacBook ~ % ls -la ~/.ssh
            total 40
            drwx------+  6 taro  staff   192 May  2 07:52 .
            drwxr-x---+ 45 taro  staff  1440 May  5 13:37 ..
            -rw-------@  1 taro  staff   411 May  2 07:52 id_ed25519
            -rw-r--r--   1 taro  staff   100 May  2 07:52 id_ed25519.pub
            -rw-r--r--.  1 root  wheel  2602 Mar 14  2024 id_rsa
            -rw-r--r--   1 taro  staff  1373 May  5 13:37 known_hosts
            """;

        var findings = Paste.Diagnose(paste);

        Assert.Equal(["private-key-mode", "wrong-owner"], findings.Codes());
        Assert.All(findings, f => Assert.Equal("~/.ssh/id_rsa", f.Path));
        Assert.Equal("chmod 600 ~/.ssh/id_rsa", findings[0].Fix);
        Assert.Equal("sudo chown taro:staff ~/.ssh/id_rsa", findings[1].Fix);
    }

    [Fact]
    public void Uses_the_directory_heading_of_a_recursive_listing()
    {
        const string paste = """
            /home/taro/.ssh:
            total 8
            -rw-rw-r-- 1 taro taro 400 2025-05-02 07:52 authorized_keys
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("authorized-keys-mode", finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("chmod 600 '/home/taro/.ssh/authorized_keys'", finding.Fix);
    }

    [Fact]
    public void Warns_about_a_private_key_on_the_supercomputer()
    {
        const string paste = """
            taro@gw:~$ ls -l ~/.ssh
            total 12
            -rw------- 1 taro taro  400 May  2 07:52 authorized_keys
            -rw------- 1 taro taro  411 May  2 07:52 id_ed25519
            -rw-r--r-- 1 taro taro  100 May  2 07:52 id_ed25519.pub
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("private-key-on-server", finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("~/.ssh/id_ed25519", finding.Path);
    }

    [Fact]
    public void Does_not_claim_a_server_side_key_when_the_prompt_is_not_the_supercomputer()
    {
        const string paste = """
            taro@laptop:~$ ls -l ~/.ssh
            -rw------- 1 taro taro  400 May  2 07:52 authorized_keys
            -rw------- 1 taro taro  411 May  2 07:52 id_ed25519
            """;

        Assert.Equal(["permissions-ok"], Paste.Diagnose(paste).Codes());
    }

    [Fact]
    public void Does_not_read_fingerprints_as_a_stat_listing()
    {
        var codes = Paste.Diagnose("256 SHA256:Ut9JDty3OS3wyLZEP5ruRZ2OygyBtyphb0f6MCeKT9s taro@MINIPC (ED25519)").Codes();

        Assert.DoesNotContain("permissions-ok", codes);
    }

    [Fact]
    public void Finds_users_and_everyone_on_a_windows_private_key()
    {
        const string paste = """
            PS C:\Users\taro tanaka> icacls .ssh\id_ed25519
            C:\Users\taro tanaka\.ssh\id_ed25519 NT AUTHORITY\SYSTEM:(I)(F)
                                                 BUILTIN\Administrators:(I)(F)
                                                 DESKTOP-1\taro tanaka:(I)(F)
                                                 BUILTIN\Users:(I)(RX)
                                                 Everyone:(R)

            Successfully processed 1 files; Failed processing 0 files
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("windows-key-acl-too-open", finding.Code);
        Assert.Equal("windows-openssh", finding.Intent);
        Assert.Equal(@"C:\Users\taro tanaka\.ssh\id_ed25519", finding.Path);
        Assert.Contains(@"BUILTIN\Users, Everyone", finding.Message.En);
        Assert.Equal(
            "icacls \"C:\\Users\\taro tanaka\\.ssh\\id_ed25519\" /inheritance:r\n" +
            "icacls \"C:\\Users\\taro tanaka\\.ssh\\id_ed25519\" /grant:r \"${env:USERNAME}:(R)\"\n" +
            "icacls \"C:\\Users\\taro tanaka\\.ssh\\id_ed25519\" /remove:g \"Everyone\"",
            finding.Fix);
    }

    [Fact]
    public void Treats_authenticated_users_as_too_open()
    {
        const string paste = """
            C:\Users\taro\.ssh\id_rsa NT AUTHORITY\Authenticated Users:(I)(M)
                                      NT AUTHORITY\SYSTEM:(I)(F)
            1 個のファイルが正常に処理されました。0 個のファイルを処理できませんでした
            """;

        var finding = Assert.Single(Paste.Diagnose(paste));

        Assert.Equal("windows-key-acl-too-open", finding.Code);
        Assert.Contains(@"NT AUTHORITY\Authenticated Users", finding.Message.Ja);
    }

    [Fact]
    public void Accepts_a_windows_key_only_the_user_and_system_can_read()
    {
        const string paste = """
            C:\Users\taro\.ssh\id_ed25519 NT AUTHORITY\SYSTEM:(F)
                                          BUILTIN\Administrators:(F)
                                          DESKTOP-1\taro:(R)
            Successfully processed 1 files; Failed processing 0 files
            """;

        Assert.Equal(["windows-key-acl-ok"], Paste.Diagnose(paste).Codes());
    }
}
