using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Slack;

/// <summary>The fields every Web API answer has.</summary>
internal record SlackApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record PostMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

internal sealed record AuthTestResponse : SlackApiResponse
{
    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? TeamId { get; init; }
}

internal sealed record ConnectionsOpenResponse : SlackApiResponse
{
    public string? Url { get; init; }
}
