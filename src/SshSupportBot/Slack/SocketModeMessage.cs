using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Slack;

/// <summary>Anything Slack sends on a Socket Mode link: <c>hello</c>, <c>disconnect</c>, or an envelope to ack.</summary>
internal sealed record SocketModeMessage
{
    public string Type { get; init; } = "";

    public string? EnvelopeId { get; init; }

    public string? Reason { get; init; }

    public JsonElement? Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    public int? NumConnections { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
