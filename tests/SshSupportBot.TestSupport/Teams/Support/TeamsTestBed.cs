using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Teams.Support;

/// <summary>
/// What every Teams endpoint test stands on: a signing key published by a fake OpenID server, a fake Bot Connector
/// that issues tokens and records replies, and the Teams adapter on 127.0.0.1 configured against both.
/// </summary>
internal sealed class TeamsTestBed : IAsyncDisposable
{
    private TeamsTestBed(TestSigningKey key, FakeOpenIdServer openId, FakeConnector connector, TeamsTestHost host)
    {
        Key = key;
        OpenId = openId;
        Connector = connector;
        Host = host;
    }

    public TestSigningKey Key { get; }

    public FakeOpenIdServer OpenId { get; }

    public FakeConnector Connector { get; }

    public TeamsTestHost Host { get; }

    /// <param name="settings">Settings beside the Teams ones (e.g. Operations limits).</param>
    /// <param name="handler">The real engine for conversation tests; a fake that echoes otherwise.</param>
    public static async Task<TeamsTestBed> StartAsync(IDictionary<string, string?>? settings = null, ITurnHandler? handler = null, ITurnOutbox? outbox = null)
    {
        var key = new TestSigningKey("key-1", "msteams");
        var openId = await FakeOpenIdServer.StartAsync(key);
        var connector = await FakeConnector.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TokenDefaults.AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:TenantId"] = "tenant",
            ["Teams:OpenIdMetadataUrl"] = openId.MetadataUrl,
            ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }
        var host = await TeamsTestHost.StartAsync(all, handler, outbox);
        return new TeamsTestBed(key, openId, connector, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}
