using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SshSupportBot.LoadBench;

/// <summary>Signed Slack Events API requests and unauthenticated Bot Framework activities, each in its own conversation.</summary>
internal sealed class EventFactory(string signingSecret, Uri connectorUrl)
{
    // A few real questions, so classification and answers cost what they cost in use.
    private static readonly string[] Questions =
    [
        "Permission denied (publickey)",
        "how do I register my public key",
        "ssh: connect to host gw.ddbj.nig.ac.jp port 22: Connection timed out",
        "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!",
        "公開鍵の登録方法を教えて",
        "what is the weather today",
    ];

    /// <summary>The request and the key under which its reply will arrive at the sink.</summary>
    public (HttpRequestMessage Request, string ReplyKey) Create(string run, int sequence, bool teams)
    {
        var question = Questions[sequence % Questions.Length];
        return teams ? Activity(run, sequence, question) : SlackEvent(run, sequence, question);
    }

    private (HttpRequestMessage, string) SlackEvent(string run, int sequence, string question)
    {
        var channel = $"D{run}x{sequence}";
        var body = JsonSerializer.Serialize(new
        {
            team_id = "T1",
            type = "event_callback",
            event_id = $"Ev{run}x{sequence}",
            @event = new { type = "message", channel_type = "im", user = "U" + channel, text = question, ts = $"1800000000.{sequence:000000}", channel },
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return (request, channel);
    }

    private (HttpRequestMessage, string) Activity(string run, int sequence, string question)
    {
        var conversation = $"bench{run}x{sequence}";
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = $"act{run}x{sequence}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = connectorUrl.AbsoluteUri,
            ["from"] = new { id = "29:user" + sequence, name = "User" },
            ["recipient"] = new { id = "28:bot", name = "SSH bot" },
            ["conversation"] = new { id = conversation, conversationType = "personal" },
            ["text"] = question,
            ["locale"] = "en-US",
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return (request, conversation);
    }
}
