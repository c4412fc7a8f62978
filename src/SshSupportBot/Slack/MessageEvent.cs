using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Slack;

/// <summary>The inner event for <c>app_mention</c> and <c>message</c>, the two we subscribe to.</summary>
internal sealed record MessageEvent
{
    public string Type { get; init; } = "";

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? Team { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
