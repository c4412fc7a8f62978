using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Teams;

namespace SshSupportBot.Tests.Teams;

public sealed class TeamsHandoffNotifierTests
{
    [Fact]
    public async Task A_handoff_is_posted_as_a_message_activity_to_the_configured_conversation()
    {
        var handler = new RecordingHandler();
        var http = new HttpClient(handler);
        var connector = new ConnectorClient(http,
            new ConnectorTokenProvider(http, new TeamsSettings(), TimeProvider.System, NullLogger<ConnectorTokenProvider>.Instance),
            new ConnectorRetryPolicy(), TimeProvider.System, NullLogger<ConnectorClient>.Instance);
        var notifier = new TeamsHandoffNotifier(connector, "http://127.0.0.1:9/connector/", "19:admins@thread.tacv2", withToken: false,
            NullLogger<TeamsHandoffNotifier>.Instance);

        Assert.True(await notifier.NotifyAsync("🙋 Hand-off requested", CancellationToken.None));

        var (uri, body) = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:9/connector/v3/conversations/19%3Aadmins%40thread.tacv2/activities", uri.AbsoluteUri);
        using var activity = JsonDocument.Parse(body);
        Assert.Equal("message", activity.RootElement.GetProperty("type").GetString());
        Assert.Equal("🙋 Hand-off requested", activity.RootElement.GetProperty("text").GetString());
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(Uri Uri, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            Assert.Null(request.Headers.Authorization);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
