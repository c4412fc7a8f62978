using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Probes;

public sealed class ServerCheckReportTests
{
    [Fact]
    public void The_wrapper_script_output_is_read_into_paths_keys_and_errors_ignoring_anything_else()
    {
        var report = ServerCheckReport.Parse(
            "path\thome\t/home/alice\t755\talice\tusers\tdirectory\n" +
            "missing\tssh_dir\t/home/alice/.ssh\n" +
            "key\t3072\tSHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og\tRSA\n" +
            "sudo: some noise\n" +
            "path\tauthorized_keys\t/x\t9z9\troot\troot\tregular file\n");

        Assert.Equal(new AccountPath("home", "/home/alice", true, 0b111_101_101, "alice", "users", "directory"), report["home"]);
        Assert.False(report["ssh_dir"]!.Exists);
        Assert.Null(report["authorized_keys"]);
        Assert.Equal(new RegisteredKey(3072, "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og", "RSA"), Assert.Single(report.Keys));
        Assert.Null(report.Error);
    }

    [Fact]
    public void An_error_line_is_reported_as_the_error() =>
        Assert.Equal("no-such-account", ServerCheckReport.Parse("error\tno-such-account\n").Error);

    [Theory]
    [InlineData("alice", true)]
    [InlineData("_svc-1", true)]
    [InlineData("a1234567890123456789012345678901", true)]
    [InlineData("a12345678901234567890123456789012", false)]
    [InlineData("-alice", false)]
    [InlineData("alice bob", false)]
    [InlineData("", false)]
    public void Only_plain_POSIX_account_names_are_valid(string name, bool valid) =>
        Assert.Equal(valid, AccountName.IsValid(name));
}
