using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Teams;

/// <summary>The conversation an activity belongs to (Teams: a chat, or a channel thread).</summary>
internal sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? TenantId { get; init; }

    public string? ConversationType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
