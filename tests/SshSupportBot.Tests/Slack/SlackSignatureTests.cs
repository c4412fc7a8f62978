using System.Text;
using SshSupportBot.Slack;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fssh-help&text=hello");

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_request_signed_with_the_secret_is_valid()
    {
        var signature = SlackSignature.Compute(Secret, Timestamp(Now), Body);

        Assert.StartsWith("v0=", signature);
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp(Now), signature, Body, Now));
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_version_timestamp_and_body()
    {
        var expected = "v0=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("v0:1531420618:" + Encoding.UTF8.GetString(Body))));

        Assert.Equal(expected, SlackSignature.Compute(Secret, "1531420618", Body));
    }

    [Fact]
    public void A_request_signed_with_another_secret_is_refused()
    {
        var signature = SlackSignature.Compute("another-secret", Timestamp(Now), Body);

        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp(Now), signature, Body, Now));
    }

    [Fact]
    public void A_changed_body_is_refused()
    {
        var signature = SlackSignature.Compute(Secret, Timestamp(Now), Body);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("hello", "hellp"));

        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp(Now), signature, changed, Now));
    }

    [Fact]
    public void A_changed_timestamp_is_refused_even_inside_the_window()
    {
        var signature = SlackSignature.Compute(Secret, Timestamp(Now), Body);

        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp(Now.AddSeconds(-1)), signature, Body, Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public void A_timestamp_more_than_five_minutes_away_is_refused(int offsetSeconds)
    {
        var at = Now.AddSeconds(offsetSeconds);
        var signature = SlackSignature.Compute(Secret, Timestamp(at), Body);

        Assert.Equal(SignatureCheck.StaleTimestamp, SlackSignature.Verify(Secret, Timestamp(at), signature, Body, Now));
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void A_timestamp_within_five_minutes_is_accepted(int offsetSeconds)
    {
        var at = Now.AddSeconds(offsetSeconds);
        var signature = SlackSignature.Compute(Secret, Timestamp(at), Body);

        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp(at), signature, Body, Now));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Missing_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, SlackSignature.Verify(Secret, timestamp, signature, Body, Now));
    }

    [Fact]
    public void A_timestamp_that_is_not_a_number_is_refused()
    {
        Assert.Equal(SignatureCheck.MalformedTimestamp, SlackSignature.Verify(Secret, "12:00", "v0=00", Body, Now));
    }

    [Fact]
    public void An_empty_secret_is_a_programming_error_not_an_accept_all()
    {
        Assert.Throws<ArgumentException>(() => SlackSignature.Verify("", Timestamp(Now), "v0=00", Body, Now));
    }
}
