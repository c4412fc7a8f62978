using System.Diagnostics;
using System.Text;

namespace SshSupportBot.Tests.Diagnostics;

public class LargePasteTests
{
    [Fact]
    public void Diagnoses_a_one_megabyte_paste_quickly()
    {
        var text = new StringBuilder();
        var verbose = Paste.Fixture("publickey-denied-wrong-key-vvv");
        while (text.Length < 1_000_000)
        {
            text.Append(verbose);
            // Lines built to make a backtracking regex struggle: long runs, unclosed quotes, repeated separators.
            text.Append("Permissions 0644 for '").Append('/', 3000).Append('\n');
            text.Append("Offering public key: ").Append(string.Concat(Enumerable.Repeat("a ", 1500))).Append('\n');
            text.Append("C:\\").Append(string.Concat(Enumerable.Repeat("x ", 1500))).Append(":(\n");
            text.Append("-rw-r--r-- 1 ").Append(string.Concat(Enumerable.Repeat("u ", 1500))).Append('\n');
            text.Append(new string('@', 5000)).Append('\n');
        }
        text.Append("Permissions 0644 for '/home/taro/.ssh/id_rsa' are too open.\n");

        var clock = Stopwatch.StartNew();
        var findings = Paste.Diagnose(text.ToString());
        clock.Stop();

        Assert.Equal("private-key-too-open", findings[0].Code);
        Assert.Contains("publickey-denied", findings.Codes());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Redacts_a_megabyte_of_unterminated_key_markers_quickly()
    {
        var text = string.Concat(Enumerable.Repeat("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----BEGIN CERTIFICATE-----\n", 12_000));

        var clock = Stopwatch.StartNew();
        var redacted = SshSupportBot.Diagnostics.SecretRedactor.Redact(text);
        Paste.Diagnose(text);
        clock.Stop();

        Assert.DoesNotContain("PRIVATE KEY", redacted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Handles_a_single_one_megabyte_line()
    {
        var line = "Permission denied (" + new string('p', 1_000_000);

        var clock = Stopwatch.StartNew();
        Paste.Diagnose(line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
