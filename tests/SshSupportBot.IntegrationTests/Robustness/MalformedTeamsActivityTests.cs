using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Robustness;

/// <summary>Authenticated activities with null, missing or oddly typed fields, through the real endpoint and a real token check.</summary>
public sealed class MalformedTeamsActivityTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    private TestSigningKey key => _bed.Key;

    private FakeConnector connector => _bed.Connector;

    private TeamsTestHost host => _bed.Host;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>Each case: a field of an ordinary message replaced by JSON text (or removed, for "-").</summary>
    public static TheoryData<string, string> OddFields() => new()
    {
        { "membersAdded", "[null]" },
        { "membersAdded", "[null, {\"id\": null}, {\"id\": \"29:new\"}]" },
        { "membersAdded", "{\"id\": \"29:new\"}" },
        { "membersAdded", "\"29:new\"" },
        { "from", "null" },
        { "from", "-" },
        { "from", "\"29:user\"" },
        { "recipient", "null" },
        { "conversation", "null" },
        { "conversation", "[]" },
        { "text", "null" },
        { "text", "7" },
        { "text", "{\"a\": 1}" },
        { "type", "null" },
        { "type", "-" },
        { "type", "[\"message\"]" },
        { "id", "null" },
        { "id", "12" },
        { "value", "null" },
        { "value", "[null]" },
        { "value", "{\"sshbotChoice\": null}" },
        { "value", "{\"action\": null}" },
        { "attachments", "null" },
        { "attachments", "[null]" },
        { "attachments", "[{\"contentType\": null, \"content\": [1, 2]}]" },
        { "entities", "null" },
        { "entities", "[null]" },
        { "locale", "7" },
        { "name", "{}" },
    };

    [Theory]
    [MemberData(nameof(OddFields))]
    public async Task An_odd_authenticated_activity_is_answered_without_a_server_error(string field, string json)
    {
        foreach (var type in new[] { "message", "conversationUpdate", "invoke" })
        {
            var activity = JsonNode.Parse(JsonSerializer.Serialize(ActivityBuilder.Message("hello", connector.ServiceUrl)))!.AsObject();
            activity["type"] = type;
            if (type == "invoke")
            {
                activity["name"] = "adaptiveCard/action";
            }
            if (json == "-")
            {
                activity.Remove(field);
            }
            else
            {
                activity[field] = JsonNode.Parse(json);
            }

            var response = await PostAsync(activity.ToJsonString());

            Assert.True((int)response.StatusCode is 200 or 202 or 400, $"got {(int)response.StatusCode} for {type} with {field} = {json}");
        }
        await The_bot_still_answers_an_ordinary_question();
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("7")]
    [InlineData("{\"serviceUrl\": null}")]
    public async Task A_body_that_is_not_an_activity_is_refused_without_a_server_error(string body)
    {
        var response = await PostAsync(body);

        Assert.True((int)response.StatusCode is 400 or 401 or 403, $"got {(int)response.StatusCode} for {body}");
        await The_bot_still_answers_an_ordinary_question();
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl + "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Token(serviceUrl: connector.ServiceUrl));
        return await host.Client.SendAsync(request);
    }

    private async Task The_bot_still_answers_an_ordinary_question()
    {
        var id = "ordinary-" + Guid.NewGuid().ToString("N");
        var response = await host.PostAsync(ActivityBuilder.Message("hello", connector.ServiceUrl, id: id), key.Token(serviceUrl: connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!connector.Accepted.Any(r => r.ReplyToId == id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains(connector.Accepted, r => r.ReplyToId == id && r.Text == "You said: hello");
    }
}
