using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
namespace SshSupportBot.Tests.Teams.Support;

/// <summary>Serves an OpenID metadata document and a key set of the test's own keys; counts key-set fetches.</summary>
internal sealed class FakeOpenIdServer : IAsyncDisposable
{
    private LocalHttpServer? _server;
    private int _keySetFetches;

    public List<TestSigningKey> Keys { get; } = [];

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public string MetadataUrl => _server!.BaseUrl + "/v1/.well-known/openidconfiguration";

    public static async Task<FakeOpenIdServer> StartAsync(params TestSigningKey[] keys)
    {
        var fake = new FakeOpenIdServer();
        fake.Keys.AddRange(keys);
        fake._server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
            {
                issuer = "https://api.botframework.com",
                jwks_uri = fake._server!.BaseUrl + "/v1/.well-known/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            }));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref fake._keySetFetches);
                lock (fake.Keys)
                {
                    return Results.Json(new { keys = fake.Keys.Select(k => k.ToJwk()).ToArray() });
                }
            });
        });
        return fake;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
