using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Slack;

/// <summary>A slash command invocation: form fields over HTTP, a JSON object over Socket Mode.</summary>
internal sealed record SlashCommand
{
    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    public string? UserId { get; init; }

    public string Command { get; init; } = "";

    public string? Text { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static SlashCommand FromForm(IReadOnlyDictionary<string, string> form) => new()
    {
        TeamId = form.GetValueOrDefault("team_id"),
        ChannelId = form.GetValueOrDefault("channel_id"),
        UserId = form.GetValueOrDefault("user_id"),
        Command = form.GetValueOrDefault("command") ?? "",
        Text = form.GetValueOrDefault("text"),
        ResponseUrl = form.GetValueOrDefault("response_url"),
        TriggerId = form.GetValueOrDefault("trigger_id"),
    };
}
