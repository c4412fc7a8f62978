using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Text.Json;

namespace SshSupportBot.Tests.Teams.Support;

/// <summary>
/// Stands in for the Bot Connector (replies) and the Entra ID token endpoint. Records what it accepted, and
/// answers with scripted failure statuses first when a test asks for them.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private LocalHttpServer? _server;
    private int _tokenRequests;

    public ConcurrentQueue<int> FailFirstWith { get; } = new();

    public ConcurrentQueue<RecordedReply> Accepted { get; } = new();

    public ConcurrentQueue<int> AttemptStatuses { get; } = new();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public string ServiceUrl => _server!.BaseUrl + "/connector/";

    public string TokenEndpoint => _server!.BaseUrl + "/token";

    public const string IssuedToken = "fake-connector-token";

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector();
        fake._server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapPost("/token", async (HttpRequest request) =>
            {
                Interlocked.Increment(ref fake._tokenRequests);
                var form = await request.ReadFormAsync();
                if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default")
                {
                    return Results.BadRequest();
                }
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = IssuedToken });
            });
            app.MapPost("/connector/v3/conversations/{conversationId}/activities/{replyToId}", async (string conversationId, string replyToId, HttpRequest request) =>
            {
                if (fake.FailFirstWith.TryDequeue(out var status))
                {
                    fake.AttemptStatuses.Enqueue(status);
                    return Results.StatusCode(status);
                }
                using var body = await JsonDocument.ParseAsync(request.Body);
                fake.AttemptStatuses.Enqueue(200);
                fake.Accepted.Enqueue(new RecordedReply(conversationId, replyToId, request.Headers.Authorization.ToString(), body.RootElement.Clone()));
                return Results.Json(new { id = Guid.NewGuid().ToString() });
            });
            // A new message in a conversation, not a reply: the admin hand-off posts.
            app.MapPost("/connector/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                fake.Accepted.Enqueue(new RecordedReply(conversationId, "", request.Headers.Authorization.ToString(), body.RootElement.Clone()));
                return Results.Json(new { id = Guid.NewGuid().ToString() });
            });
        });
        return fake;
    }

    public async Task<IReadOnlyList<RecordedReply>> WaitForRepliesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Accepted.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return Accepted.ToList();
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}

internal sealed record RecordedReply(string ConversationId, string ReplyToId, string Authorization, JsonElement Activity)
{
    public string Text => Activity.GetProperty("text").GetString() ?? "";
}
