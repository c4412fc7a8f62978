using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Slack;

/// <summary>The outer Events API body: <c>url_verification</c> or <c>event_callback</c> (also the Socket Mode <c>events_api</c> payload).</summary>
internal sealed record EventsApiEnvelope
{
    public string Type { get; init; } = "";

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public MessageEvent? Event { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
