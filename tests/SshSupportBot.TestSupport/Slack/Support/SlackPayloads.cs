using System.Text;
using System.Text.Json;
using SshSupportBot.Slack;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>Builders for the payloads Slack sends, shaped like the examples in Slack's documentation.</summary>
internal static class SlackPayloads
{
    public static object AppMention(string eventId, string text, string ts = "1700000001.000100", string? threadTs = null,
        string user = "U123", string channel = "C123", string? botId = null, string? subtype = null) => new
    {
        token = "unused",
        team_id = "T1",
        api_app_id = "A1",
        type = "event_callback",
        event_id = eventId,
        event_time = 1700000001,
        @event = new { type = "app_mention", user, text, ts, thread_ts = threadTs, channel, event_ts = ts, bot_id = botId, subtype },
    };

    public static object DirectMessage(string eventId, string text, string ts = "1700000002.000200", string user = "U123",
        string? botId = null, string? subtype = null, string channelType = "im") => new
    {
        team_id = "T1",
        type = "event_callback",
        event_id = eventId,
        @event = new { type = "message", channel_type = channelType, user, text, ts, channel = "D123", bot_id = botId, subtype },
    };

    public static object BlockActions(string value, string responseUrl, string actionTs = "1700000009.000900", string? threadTs = "1700000001.000100",
        bool ephemeral = false) => new
    {
        type = "block_actions",
        team = new { id = "T1", domain = "nig" },
        user = new { id = "U123", username = "alice" },
        channel = new { id = "C123", name = "sc-help" },
        container = new { type = "message", message_ts = "1700000005.000500", channel_id = "C123", is_ephemeral = ephemeral, thread_ts = threadTs },
        message = new
        {
            ts = "1700000005.000500",
            thread_ts = threadTs,
            text = "Did you mean one of these?",
            blocks = new object[]
            {
                new { type = "section", block_id = "a1", text = new { type = "mrkdwn", text = "Did you mean one of these?" } },
                new { type = "actions", block_id = "sshbot-choices-0", elements = new[] { new { type = "button", action_id = SlackBlockKit.ChoiceActionPrefix + "0", value, text = new { type = "plain_text", text = "Register a public key" } } } },
            },
        },
        trigger_id = "trig-" + actionTs,
        response_url = responseUrl,
        actions = new[] { new { action_id = SlackBlockKit.ChoiceActionPrefix + "0", block_id = "sshbot-choices-0", type = "button", value, text = new { type = "plain_text", text = "Register a public key" }, action_ts = actionTs } },
    };

    public static string Json(object payload) => JsonSerializer.Serialize(payload);

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null, string secret = SlackTestHost.SigningSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage SignedEvent(object payload, int? retryNum = null)
    {
        var request = Signed("slack/events", Json(payload), "application/json");
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return request;
    }

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
