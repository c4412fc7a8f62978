using SshSupportBot.Channels;
using System.Globalization;
using System.Net;
using SshSupportBot.Slack;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Robustness;

/// <summary>What a stranger's request may cost before it is authenticated: refused on its headers, capped in size, time and number.</summary>
public sealed class LimitsBeforeWorkTests : IAsyncLifetime
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        var settings = SlackTestHost.HttpSettings(_slack);
        settings["Operations:MaxUnauthenticatedRequests"] = "3";
        settings["Operations:BodyReadTimeout"] = "00:00:01";
        _host = await SlackTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static Dictionary<string, string> FreshSlackHeaders(DateTimeOffset? at = null) => new()
    {
        [SlackSignature.TimestampHeader] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        // The right shape; whether it matches can only be known from the whole body.
        [SlackSignature.SignatureHeader] = "v0=" + new string('0', 64),
    };

    [Theory]
    [InlineData("no headers")]
    [InlineData("stale timestamp")]
    [InlineData("future timestamp")]
    [InlineData("malformed signature")]
    public async Task A_slack_request_that_cannot_pass_is_refused_before_its_body_arrives(string how)
    {
        var headers = how switch
        {
            "no headers" => new Dictionary<string, string>(),
            "stale timestamp" => FreshSlackHeaders(DateTimeOffset.UtcNow.AddMinutes(-6)),
            "future timestamp" => FreshSlackHeaders(DateTimeOffset.UtcNow.AddMinutes(6)),
            _ => new Dictionary<string, string>(FreshSlackHeaders()) { [SlackSignature.SignatureHeader] = "v0=short" },
        };
        await using var request = await HeldRequest.OpenAsync(_host.BaseUrl, "slack/events", 1_000_000, headers, bodyBytesSent: 100);

        Assert.Equal(401, await request.StatusAsync(Quickly));
    }

    [Theory]
    [InlineData("slack/events", SlackHttpEndpoints.MaxEventBytes)]
    [InlineData("slack/commands", SlackHttpEndpoints.MaxCommandBytes)]
    [InlineData("slack/interactivity", SlackHttpEndpoints.MaxInteractionBytes)]
    public async Task A_slack_body_past_its_endpoints_cap_is_refused_unread(string path, int cap)
    {
        await using var request = await HeldRequest.OpenAsync(_host.BaseUrl, path, cap + 1L, FreshSlackHeaders(), bodyBytesSent: 100);

        Assert.Equal(413, await request.StatusAsync(Quickly));
    }

    [Fact]
    public async Task A_body_that_trickles_past_the_read_timeout_is_refused()
    {
        await using var request = await HeldRequest.OpenAsync(_host.BaseUrl, "slack/events", 10_000, FreshSlackHeaders(), bodyBytesSent: 100);

        Assert.Equal(408, await request.StatusAsync(Quickly));
    }

    [Fact]
    public async Task Requests_beyond_the_unauthenticated_limit_get_503_at_once_and_the_bot_recovers_when_they_go()
    {
        var held = new List<HeldRequest>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await HeldRequest.OpenAsync(_host.BaseUrl, "slack/events", 1_000, FreshSlackHeaders(), bodyBytesSent: 10));
        }
        // The three are inside the gate once the server has taken their headers.
        var gate = (SshSupportBot.Channels.UnauthenticatedRequestGate)_host.Services.GetService(typeof(SshSupportBot.Channels.UnauthenticatedRequestGate))!;
        var deadline = DateTime.UtcNow + Quickly;
        while (gate.Available > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await using (var extra = await HeldRequest.OpenAsync(_host.BaseUrl, "slack/events", 1_000, FreshSlackHeaders(), bodyBytesSent: 10))
        {
            Assert.Equal(503, await extra.StatusAsync(Quickly));
        }
        foreach (var request in held)
        {
            await request.DisposeAsync();
        }

        deadline = DateTime.UtcNow + Quickly;
        while (gate.Available < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        var response = await _host.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention("Ev-after", "<@UBOT> hello")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, gate.Available);
    }
}

/// <summary>The same limits on the Teams endpoint, with a real token check behind them.</summary>
public sealed class TeamsLimitsBeforeWorkTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    private TestSigningKey key => _bed.Key;

    private FakeConnector connector => _bed.Connector;

    private TeamsTestHost _host => _bed.Host;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync(new Dictionary<string, string?> { ["Operations:BodyReadTimeout"] = "00:00:01" });

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_teams_body_that_trickles_past_the_read_timeout_is_refused()
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key.Token(serviceUrl: connector.ServiceUrl) };
        await using var request = await HeldRequest.OpenAsync(new Uri(_host.BaseUrl), "api/messages", 10_000, headers, bodyBytesSent: 100);

        Assert.Equal(408, await request.StatusAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(_host.Turns.Turns);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_teams_request_without_a_bearer_token_is_refused_before_its_body_arrives(string? authorization)
    {
        var headers = authorization is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = authorization };
        await using var request = await HeldRequest.OpenAsync(new Uri(_host.BaseUrl), "api/messages", 400_000, headers, bodyBytesSent: 100);

        Assert.Equal(401, await request.StatusAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(_host.Turns.Turns);
    }

    [Fact]
    public async Task A_teams_body_past_the_cap_is_refused_unread()
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key.Token(serviceUrl: connector.ServiceUrl) };
        await using var request = await HeldRequest.OpenAsync(new Uri(_host.BaseUrl), "api/messages", SshSupportBot.Teams.TeamsEndpoint.MaxBodyBytes + 1, headers, bodyBytesSent: 100);

        Assert.Equal(413, await request.StatusAsync(TimeSpan.FromSeconds(5)));
    }
}
