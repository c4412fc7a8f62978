using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

public class PrivateKeyPasteTests
{
    public static TheoryData<string> Keys() => new(PrivateKeys.All());

    [Theory]
    [MemberData(nameof(Keys))]
    public void Flags_a_pasted_private_key_as_critical_and_exposed(string key)
    {
        var findings = Paste.Diagnose($"この鍵で合っていますか？\n```\n{key}\n```\n");

        var finding = findings.Only("private-key-pasted");
        Assert.Same(finding, findings[0]);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("private-key-exposed", finding.Intent);
        Assert.Contains("exposed", finding.Message.En);
        Assert.Contains("漏れたもの", finding.Message.Ja);
        Assert.Contains("new key pair", finding.Message.En);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Never_repeats_key_material_in_any_finding(string key)
    {
        var paste = $"ssh taro@gw.ddbj.nig.ac.jp\ntaro@gw.ddbj.nig.ac.jp: Permission denied (publickey).\n{key}\nLoad key \"/home/taro/.ssh/id_rsa\": bad permissions";

        var everything = string.Join("\n", Paste.Diagnose(paste).SelectMany(f => new[] { f.Message.Ja, f.Message.En, f.Path ?? "", f.Fix ?? "" }));

        Assert.All(PrivateKeys.SecretLines(key), line => Assert.DoesNotContain(line, everything));
        Assert.All(PrivateKeys.SecretLines(key), line => Assert.DoesNotContain(line[..16], everything));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Redacts_every_kind_of_private_key_and_keeps_the_surrounding_text(string key)
    {
        var redacted = SecretRedactor.Redact($"before\r\n{key}\r\nafter");

        Assert.Equal($"before\r\n{SecretRedactor.Placeholder}\r\nafter", redacted);
        Assert.All(PrivateKeys.SecretLines(key), line => Assert.DoesNotContain(line, redacted));
    }

    [Fact]
    public void Redacts_a_truncated_key_at_the_end_of_a_message()
    {
        var redacted = SecretRedactor.Redact("鍵です:\n" + PrivateKeys.Truncated);

        Assert.Equal($"鍵です:\n{SecretRedactor.Placeholder}", redacted);
    }

    [Fact]
    public void Redacts_a_truncated_encrypted_pem_key_past_its_headers()
    {
        var truncated = PrivateKeys.Rsa[..PrivateKeys.Rsa.IndexOf("-----END", StringComparison.Ordinal)].TrimEnd('\n');

        var redacted = SecretRedactor.Redact($"{truncated}\n\nここで切れました");

        Assert.Equal($"{SecretRedactor.Placeholder}\n\nここで切れました", redacted);
    }

    [Fact]
    public void Does_not_call_a_quoted_marker_without_key_material_a_leak()
    {
        var findings = Paste.Diagnose("秘密鍵のファイルは -----BEGIN OPENSSH PRIVATE KEY----- で始まっていますが、これで正しいですか？");

        Assert.DoesNotContain("private-key-pasted", findings.Codes());
    }

    [Fact]
    public void Redacts_a_key_collapsed_onto_one_line_by_a_chat_client()
    {
        var oneLine = PrivateKeys.OpenSsh.Replace('\n', ' ');

        var redacted = SecretRedactor.Redact($"key: {oneLine} thanks");

        Assert.Equal($"key: {SecretRedactor.Placeholder} thanks", redacted);
    }

    [Fact]
    public void Redacts_several_keys_in_one_message()
    {
        var redacted = SecretRedactor.Redact($"{PrivateKeys.Rsa}\nand\n{PrivateKeys.Putty}\nend");

        Assert.Equal($"{SecretRedactor.Placeholder}\nand\n{SecretRedactor.Placeholder}\nend", redacted);
    }

    [Theory]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHn2h8wJ8eWJm5p6kqzQ taro@MINIPC")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----")]
    [InlineData("Permission denied (publickey).")]
    public void Leaves_text_without_a_private_key_unchanged(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
        Assert.DoesNotContain("private-key-pasted", Paste.Diagnose(text).Codes());
    }
}
