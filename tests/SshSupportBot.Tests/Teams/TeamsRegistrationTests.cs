using System.Net;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

public sealed class TeamsRegistrationTests
{
    [Fact]
    public async Task Without_a_teams_app_id_the_endpoint_does_not_exist()
    {
        await using var host = await TeamsTestHost.StartAsync(new Dictionary<string, string?>());

        var response = await host.PostAsync(ActivityBuilder.Message("hi", "http://127.0.0.1:1/"), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_mode_is_refused_when_the_server_listens_beyond_loopback()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "local",
            ["Teams:AllowUnauthenticated"] = "true",
            ["urls"] = "http://0.0.0.0:0",
        }));

        Assert.Contains("Teams:AllowUnauthenticated=true is only allowed when the server listens on loopback addresses", error.Message);
    }

    [Fact]
    public async Task Unauthenticated_mode_on_loopback_accepts_activities_without_a_token_and_replies_without_one()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "local",
            ["Teams:AllowUnauthenticated"] = "true",
            ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
        });

        var response = await host.PostAsync(ActivityBuilder.Message("hi", connector.ServiceUrl, channelId: "emulator"), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForRepliesAsync(1));
        Assert.Equal("", reply.Authorization);
        Assert.Equal(0, connector.TokenRequests);
    }

    [Fact]
    public async Task A_configured_app_id_without_a_password_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "app",
        }));

        Assert.Contains("Teams:AppPassword", error.Message);
    }
}
