using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Probes;

/// <summary>The findings read from the script's output (the format recorded in ServerCheckTests against the real script).</summary>
public sealed class ServerCheckAdviceTests
{
    private static IReadOnlyList<ServerCheckFinding> Findings(string home, string ssh, string keys, string owner = "alice", int keyCount = 1) =>
        ServerCheckAdvice.For("alice", ServerCheckReport.Parse(
            $"path\thome\t/home/alice\t{home}\t{owner}\tusers\tdirectory\n" +
            $"path\tssh_dir\t/home/alice/.ssh\t{ssh}\t{owner}\tusers\tdirectory\n" +
            $"path\tauthorized_keys\t/home/alice/.ssh/authorized_keys\t{keys}\t{owner}\tusers\tregular file\n" +
            string.Concat(Enumerable.Repeat("key\t256\tSHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og\tED25519\n", keyCount))));

    [Theory]
    [InlineData("755", "700", "600")]
    [InlineData("750", "700", "644")]
    [InlineData("700", "700", "600")]
    public void Modes_sshd_accepts_and_the_centre_recommends_find_nothing(string home, string ssh, string keys) =>
        Assert.Empty(Findings(home, ssh, keys));

    [Theory]
    [InlineData("777")]
    [InlineData("775")]
    [InlineData("757")]
    public void A_home_writable_by_group_or_others_blocks_login_and_is_fixed_with_chmod_go_w(string mode)
    {
        var finding = Assert.Single(Findings(mode, "700", "600"));

        Assert.Equal(("home", true, "chmod go-w /home/alice"), (finding.Role, finding.BlocksLogin, finding.Fix));
        Assert.Equal($"the home directory is writable by group or others (mode {mode})", finding.Problem);
    }

    [Theory]
    [InlineData("666", true)]
    [InlineData("664", true)]
    [InlineData("640", false)]
    [InlineData("400", false)]
    public void An_authorized_keys_mode_other_than_600_or_644_is_fixed_with_chmod_600(string mode, bool blocksLogin)
    {
        var finding = Assert.Single(Findings("755", "700", mode));

        Assert.Equal(("authorized_keys", blocksLogin, "chmod 600 /home/alice/.ssh/authorized_keys"), (finding.Role, finding.BlocksLogin, finding.Fix));
    }

    [Theory]
    [InlineData("755", false)]
    [InlineData("777", true)]
    public void An_ssh_directory_other_than_700_is_fixed_with_chmod_700(string mode, bool blocksLogin)
    {
        var finding = Assert.Single(Findings("755", mode, "600"));

        Assert.Equal(("ssh_dir", blocksLogin, "chmod 700 /home/alice/.ssh"), (finding.Role, finding.BlocksLogin, finding.Fix));
    }

    [Fact]
    public void Files_owned_by_another_account_block_login_and_are_given_back_with_chown()
    {
        var findings = Findings("755", "700", "600", owner: "bob");

        Assert.Equal(
            ["chown alice /home/alice", "chown alice /home/alice/.ssh", "chown alice /home/alice/.ssh/authorized_keys"],
            findings.Select(f => f.Fix));
        Assert.All(findings, f => Assert.True(f.BlocksLogin));
        Assert.Equal("/home/alice is owned by bob, not alice", findings[0].Problem);
    }

    [Fact]
    public void Files_owned_by_root_are_advice_because_sshd_still_accepts_them() =>
        Assert.All(Findings("755", "700", "600", owner: "root"), f => Assert.False(f.BlocksLogin));

    [Fact]
    public void An_empty_authorized_keys_blocks_login() =>
        Assert.Equal("authorized_keys holds no readable public key", Assert.Single(Findings("755", "700", "600", keyCount: 0)).Problem);

    [Fact]
    public void A_home_path_with_a_space_is_quoted_in_the_fix()
    {
        var report = ServerCheckReport.Parse("path\thome\t/home/al ice\t777\talice\tusers\tdirectory\nmissing\tssh_dir\t/home/al ice/.ssh\n");

        var fixes = ServerCheckAdvice.For("alice", report).Select(f => f.Fix).ToList();

        Assert.Equal("chmod go-w '/home/al ice'", fixes[0]);
        Assert.StartsWith("install -d -m 700 -o alice '/home/al ice/.ssh'", fixes[1]);
    }
}
