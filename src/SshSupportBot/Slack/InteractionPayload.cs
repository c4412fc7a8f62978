using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Slack;

/// <summary>An interactivity payload; only <c>block_actions</c> from our buttons is used.</summary>
internal sealed record InteractionPayload
{
    public string Type { get; init; } = "";

    public IdRef? Team { get; init; }

    public IdRef? User { get; init; }

    public IdRef? Channel { get; init; }

    public InteractionContainer? Container { get; init; }

    public InteractionMessage? Message { get; init; }

    /// <summary>May be missing, null or hold nulls on the wire; read through <see cref="SlackInbound"/>, which skips them.</summary>
    public IReadOnlyList<BlockAction?>? Actions { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record IdRef
{
    public string? Id { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record InteractionContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public string? ThreadTs { get; init; }

    public bool IsEphemeral { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record InteractionMessage
{
    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Text { get; init; }

    public JsonElement? Blocks { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record BlockAction
{
    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public TextObject? Text { get; init; }

    public string? ActionTs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
