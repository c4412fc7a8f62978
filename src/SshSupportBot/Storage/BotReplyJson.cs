using System.Text.Json;
using System.Text.Json.Serialization;
using SshSupportBot.Conversations;

namespace SshSupportBot.Storage;

/// <summary>How recorded replies are written into the outbox; they hold no user secret, redaction happens before a reply is made.</summary>
internal static class BotReplyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(IReadOnlyList<BotReply> replies) => JsonSerializer.Serialize(replies, Options);

    /// <summary>Null when the record was written by an incompatible release; the caller then answers the event again.</summary>
    public static IReadOnlyList<BotReply>? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<BotReply>>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
