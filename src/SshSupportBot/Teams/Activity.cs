using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Teams;

/// <summary>The Bot Framework Activity, only the fields this bot reads or writes; the rest rides in <see cref="Extra"/>.</summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Name { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    public JsonElement? Value { get; init; }

    // May hold nulls on the wire; the mapper skips them.
    public IReadOnlyList<ChannelAccount?>? MembersAdded { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
