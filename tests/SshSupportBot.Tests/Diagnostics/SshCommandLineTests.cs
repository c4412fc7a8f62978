using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Diagnostics;

public sealed class SshCommandLineTests
{
    [Fact]
    public void A_port_other_than_22_for_the_gateway_is_pointed_out_with_the_command_without_it()
    {
        var findings = Paste.Diagnose("ssh -p 2222 taro@gw2.ddbj.nig.ac.jp でやってます");

        var port = Assert.Single(findings, f => f.Code == "gateway-port-wrong");
        Assert.Contains("2222", port.Message.En);
        Assert.Equal("ssh taro@gw2.ddbj.nig.ac.jp", port.Fix);
    }

    [Theory]
    [InlineData("ssh taro@gw.ddbj.nig.ac.j", "gw.ddbj.nig.ac.jp")]
    [InlineData("ssh taro@gw.dbj.nig.ac.jp", "gw.ddbj.nig.ac.jp")]
    [InlineData("$ ssh taro@gw2.ddbj.nig.jp", "gw2.ddbj.nig.ac.jp")]
    public void A_misspelt_gateway_gets_its_right_name(string command, string gateway)
    {
        var finding = Assert.Single(Paste.Diagnose(command), f => f.Code == "gateway-name-misspelt");

        Assert.Equal($"ssh taro@{gateway}", finding.Fix);
    }

    [Fact]
    public void A_doubled_user_name_is_a_user_name_problem()
    {
        var finding = Assert.Single(Paste.Diagnose("ssh taro@taro@gw.ddbj.nig.ac.jp"), f => f.Code == "user-name-doubled");

        Assert.Equal("wrong-username", finding.Intent);
    }

    [Fact]
    public void A_windows_domain_user_is_never_put_into_the_fix()
    {
        var findings = Paste.Diagnose(@"ssh LAB\taro@gw.ddbj.nig.ac.jp");

        Assert.Contains(findings, f => f.Intent == "wrong-username");
        Assert.DoesNotContain(findings, f => f.Fix?.Contains(@"LAB\", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_command_without_a_user_asks_for_the_account_name()
    {
        var finding = Assert.Single(Paste.Diagnose("ssh gw.ddbj.nig.ac.jp"), f => f.Code == "user-name-missing");

        Assert.Equal("ssh ACCOUNT@gw.ddbj.nig.ac.jp", finding.Fix);
    }

    [Theory]
    [InlineData("I can ssh into my lab server but not the gateway")]
    [InlineData("ssh -o \"StrictHostKeyChecking no\" taro@example.org")]
    [InlineData("ssh-keygen -t ed25519")]
    [InlineData("ssh taro@gw.ddbj.nig.ac.jp")]
    public void Prose_other_hosts_and_a_right_command_get_no_command_line_finding(string text)
    {
        Assert.DoesNotContain(Paste.Diagnose(text), f => f.Code.StartsWith("gateway-", StringComparison.Ordinal) || f.Code.StartsWith("user-name-", StringComparison.Ordinal));
    }
}
