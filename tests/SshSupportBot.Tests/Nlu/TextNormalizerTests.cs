using SshSupportBot.Languages;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Nlu;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＳＳＨ　ｐｅｒｍｉｓｓｉｏｎ", "ssh permission")]
    [InlineData("ｶﾞｲﾄﾞ", "ガイド")]
    [InlineData("Permission   denied\r\n(publickey)", "permission denied (publickey)")]
    [InlineData("“quoted” ‘text’", "\"quoted\" 'text'")]
    [InlineData("ssh-keygen —R", "ssh-keygen -r")]
    [InlineData("ホスト〜変更", "ホスト~変更")]
    public void Folds_width_case_and_punctuation_variants(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Masks_fingerprints_and_ip_addresses_that_would_only_add_noise()
    {
        var normalized = TextNormalizer.Normalize("key SHA256:xkyH37QZowWjidMSCIbOZa7Vw1p46Dxt4nF9nFJG+hk from 133.39.228.101");

        Assert.Equal("key sha256:fingerprint from ipaddress", normalized);
    }
}
