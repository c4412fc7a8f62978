using SshSupportBot.Diagnostics;
using SshSupportBot.Probes;
using SshSupportBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace SshSupportBot.Tests.Probes;

public sealed class HostKeyVerifierTests
{
    private const string SomeOtherKey = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og";

    [Fact]
    public async Task A_changed_key_warning_showing_the_gateway_s_real_key_is_called_safe_with_the_exact_command()
    {
        await using var sshd = await SshdServer.StartAsync();
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd)));

        var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, sshd.Fingerprints["ED25519"], CancellationToken.None);

        Assert.NotNull(finding);
        Assert.Equal("host-key-matches-gateway", finding.Code);
        Assert.Equal("host-key-changed", finding.Intent);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal($"ssh-keygen -R '[127.0.0.1]:{sshd.Port}'", finding.Fix);
        Assert.Contains($"`ssh-keygen -R '[127.0.0.1]:{sshd.Port}'`", finding.Message.En);
        Assert.Contains("answer `yes`", finding.Message.En);
        Assert.Contains($"`ssh-keygen -R '[127.0.0.1]:{sshd.Port}'`", finding.Message.Ja);
        Assert.Contains("本物の鍵です", finding.Message.Ja);
    }

    [Fact]
    public async Task Any_of_the_gateway_s_key_types_counts_as_its_real_key()
    {
        await using var sshd = await SshdServer.StartAsync();
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd)));

        foreach (var fingerprint in sshd.Fingerprints.Values)
        {
            var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, fingerprint, CancellationToken.None);
            Assert.Equal("host-key-matches-gateway", finding?.Code);
        }
    }

    [Fact]
    public async Task After_the_server_s_key_is_replaced_the_key_the_user_trusted_before_no_longer_matches()
    {
        await using var sshd = await SshdServer.StartAsync("ed25519");
        var clock = new ManualNowClock();
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd)), clock: clock);
        var original = sshd.Fingerprints["ED25519"];
        Assert.Equal("host-key-matches-gateway", (await verifier.VerifyAsync(sshd.Host, sshd.Port, original, CancellationToken.None))?.Code);

        await sshd.RotateKeysAsync();
        clock.Advance(TimeSpan.FromSeconds(61));
        var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, original, CancellationToken.None);

        Assert.NotNull(finding);
        Assert.Equal("host-key-does-not-match-gateway", finding.Code);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Contains(sshd.Fingerprints["ED25519"], finding.Message.En);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public async Task A_key_that_is_not_the_gateway_s_is_called_unsafe_with_the_do_not_connect_advice_in_both_languages()
    {
        await using var sshd = await SshdServer.StartAsync();
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd)));

        var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, SomeOtherKey, CancellationToken.None);

        Assert.NotNull(finding);
        Assert.Equal("host-key-does-not-match-gateway", finding.Code);
        Assert.StartsWith("Do not connect.", finding.Message.En);
        Assert.Contains("do not type your password or passphrase", finding.Message.En);
        Assert.Contains("Report it to the administrators", finding.Message.En);
        Assert.StartsWith("接続しないでください。", finding.Message.Ja);
        Assert.Contains("パスワードやパスフレーズを入力したりしないでください", finding.Message.Ja);
        Assert.Contains("管理者に報告してください", finding.Message.Ja);
    }

    [Fact]
    public async Task A_live_key_that_is_missing_from_the_published_list_is_not_called_safe()
    {
        await using var sshd = await SshdServer.StartAsync();
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd, SomeOtherKey)));

        var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, sshd.Fingerprints["ED25519"], CancellationToken.None);

        Assert.Equal("host-key-does-not-match-gateway", finding?.Code);
        Assert.Contains("none of the fingerprints the centre has published", finding?.Message.En);
    }

    [Fact]
    public async Task A_live_key_that_is_also_published_is_called_safe_and_says_so()
    {
        await using var sshd = await SshdServer.StartAsync();
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd, SomeOtherKey, sshd.Fingerprints["RSA"])));

        var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, sshd.Fingerprints["RSA"], CancellationToken.None);

        Assert.Equal("host-key-matches-gateway", finding?.Code);
        Assert.Contains("one of the fingerprints the centre has published", finding?.Message.En);
        Assert.Contains("公開しているフィンガープリントとも一致しています", finding?.Message.Ja);
    }

    [Fact]
    public async Task A_first_connection_prompt_showing_the_real_key_says_to_answer_yes()
    {
        await using var sshd = await SshdServer.StartAsync("ecdsa");
        var verifier = Gateways.Verifier(Gateways.Options(Gateways.For(sshd)));

        var finding = await verifier.VerifyAsync(sshd.Host, sshd.Port, sshd.Fingerprints["ECDSA"], HostKeyWarning.FirstConnection, CancellationToken.None);

        Assert.NotNull(finding);
        Assert.Equal("host-key-matches-gateway", finding.Code);
        Assert.Equal("host-key-confirm", finding.Intent);
        Assert.Equal("yes", finding.Fix);
        Assert.DoesNotContain("ssh-keygen -R", finding.Message.En);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_reported_with_the_manual_check_against_the_published_fingerprint()
    {
        var closed = new GatewayEndpoint("127.0.0.1", LoopbackPorts.Free(), [SomeOtherKey]);
        var verifier = Gateways.Verifier(Gateways.Options(closed));

        var finding = await verifier.VerifyAsync(closed.Host, closed.Port, SomeOtherKey, CancellationToken.None);

        Assert.NotNull(finding);
        Assert.Equal("gateway-unreachable", finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("host-key-changed", finding.Intent);
        Assert.Contains("could not reach 127.0.0.1", finding.Message.En);
        Assert.Contains($"the fingerprints the centre has published for 127.0.0.1 ({SomeOtherKey})", finding.Message.En);
        Assert.Contains("接続できなかった", finding.Message.Ja);
    }

    [Fact]
    public async Task A_host_that_is_not_a_configured_gateway_is_never_probed()
    {
        var probe = new CountingProbe();
        var verifier = Gateways.Verifier(Gateways.Options(new GatewayEndpoint("gw.ddbj.nig.ac.jp", 22, [])), probe);

        var elsewhere = await verifier.VerifyAsync("attacker.example.org", 22, SomeOtherKey, CancellationToken.None);
        var otherPort = await verifier.VerifyAsync("gw.ddbj.nig.ac.jp", 2222, SomeOtherKey, CancellationToken.None);

        Assert.Null(elsewhere);
        Assert.Null(otherPort);
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task Text_that_is_not_a_fingerprint_is_not_verified_and_not_probed()
    {
        var probe = new CountingProbe();
        var verifier = Gateways.Verifier(Gateways.Options(new GatewayEndpoint("gw.ddbj.nig.ac.jp", 22, [])), probe);

        Assert.Null(await verifier.VerifyAsync("gw.ddbj.nig.ac.jp", 22, "not a fingerprint", CancellationToken.None));
        Assert.Equal(0, probe.Calls);
    }
}
