using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Teams;

/// <summary>An activity attachment; the bot only sends Adaptive Cards.</summary>
internal sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }

    public JsonElement? Content { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
