using System.Security.Cryptography;
using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Probes;

public sealed class SshFingerprintTests
{
    private const string Fingerprint = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og";

    [Fact]
    public void A_key_blob_is_fingerprinted_as_unpadded_base64_of_its_SHA256()
    {
        var blob = new byte[] { 0, 0, 0, 11, (byte)'s', (byte)'s', (byte)'h', (byte)'-', (byte)'e', (byte)'d', (byte)'2', (byte)'5', (byte)'5', (byte)'1', (byte)'9' };

        var fingerprint = SshFingerprint.Of(blob);

        Assert.Equal("SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('='), fingerprint);
        Assert.DoesNotContain("=", fingerprint);
    }

    [Theory]
    [InlineData(Fingerprint)]
    [InlineData("ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og")]
    [InlineData("  SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og=")]
    [InlineData("SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og.")]
    public void A_pasted_fingerprint_is_read_in_the_forms_users_paste(string pasted) =>
        Assert.Equal(Fingerprint, SshFingerprint.Normalize(pasted));

    [Theory]
    [InlineData("")]
    [InlineData("MD5:3b:1e:9e:2f:55:8a:0c:71:aa:bb:cc:dd:ee:ff:00:11")]
    [InlineData("SHA256:tooshort")]
    [InlineData("SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6O!")]
    public void Text_that_is_not_a_SHA256_fingerprint_is_not_read_as_one(string pasted) =>
        Assert.Null(SshFingerprint.Normalize(pasted));

    [Fact]
    public void Fingerprints_differing_only_in_case_are_different_keys() =>
        Assert.False(SshFingerprint.AreSame(Fingerprint, Fingerprint.ToLowerInvariant().Replace("sha256:", "SHA256:")));
}
