using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Teams;

/// <summary>A user or bot on a channel.</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
