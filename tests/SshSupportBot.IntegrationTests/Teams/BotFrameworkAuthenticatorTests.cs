using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", "msteams", "emulator");
    private FakeOpenIdServer _openId = null!;
    private BotFrameworkAuthenticator _authenticator = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdServer.StartAsync(_key);
        var options = new TeamsSettings { AppId = TokenDefaults.AppId, OpenIdMetadataUrl = _openId.MetadataUrl };
        var store = new OpenIdKeyStore(new HttpClient(), options, TimeProvider.System, NullLogger<OpenIdKeyStore>.Instance);
        _authenticator = new BotFrameworkAuthenticator(store, options, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _openId.DisposeAsync();

    private Task<AuthenticationResult> Check(string? token, string serviceUrl = TokenDefaults.ServiceUrl, string channelId = "msteams") =>
        _authenticator.AuthenticateAsync(token is null ? null : "Bearer " + token, serviceUrl, channelId, CancellationToken.None);

    [Fact]
    public async Task A_token_signed_by_an_endorsed_key_for_our_app_and_service_url_is_accepted()
    {
        var result = await Check(_key.Token());

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task A_service_url_differing_only_by_the_trailing_slash_is_the_same_service_url()
    {
        var result = await Check(_key.Token(), serviceUrl: TokenDefaults.ServiceUrl.TrimEnd('/'));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task A_request_without_a_bearer_token_is_unauthorized()
    {
        var result = await Check(null);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_unauthorized()
    {
        var result = await Check(_key.Token(issuer: "https://sts.windows.net/evil/"));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_unauthorized()
    {
        var result = await Check(_key.Token(audience: "some-other-bot"));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_expired_more_than_five_minutes_ago_is_unauthorized()
    {
        var now = DateTime.UtcNow;
        var result = await Check(_key.Token(notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        var now = DateTime.UtcNow;
        var result = await Check(_key.Token(notBefore: now.AddHours(-2), expires: now.AddMinutes(-3)));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_refreshes_the_key_set_once_and_is_then_unauthorized()
    {
        Assert.True((await Check(_key.Token())).Succeeded);
        var fetchesBefore = _openId.KeySetFetches;
        var stranger = new TestSigningKey("key-unknown", "msteams");

        var result = await Check(stranger.Token());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(fetchesBefore + 1, _openId.KeySetFetches);
    }

    [Fact]
    public async Task A_key_published_after_the_first_load_is_found_by_the_refresh_on_its_unknown_key_id()
    {
        Assert.True((await Check(_key.Token())).Succeeded);
        var rolled = new TestSigningKey("key-2", "msteams");
        lock (_openId.Keys)
        {
            _openId.Keys.Add(rolled);
        }

        var result = await Check(rolled.Token());

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task A_service_url_claim_that_differs_from_the_activity_is_forbidden()
    {
        var result = await Check(_key.Token(), serviceUrl: "https://attacker.example/");

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_activity_channel_is_forbidden()
    {
        var result = await Check(_key.Token(), channelId: "slack");

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_unauthorized()
    {
        var result = await Check(TestSigningKey.Unsigned(_key.KeyId));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_after_signing_is_unauthorized()
    {
        var result = await Check(TestSigningKey.Tampered(_key.Token()), serviceUrl: "https://attacker.example/");

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_that_is_not_a_jwt_is_unauthorized()
    {
        var result = await Check("not-a-token");

        Assert.Equal(401, result.StatusCode);
    }
}
