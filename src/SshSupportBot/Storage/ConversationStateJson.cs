using System.Text.Json;
using System.Text.Json.Serialization;
using SshSupportBot.Conversations;

namespace SshSupportBot.Storage;

/// <summary>How conversation state is written down by every store, so stores can be swapped without migrating.</summary>
internal static class ConversationStateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ConversationState state) => JsonSerializer.Serialize(state, Options);

    public static ConversationState? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json, Options);
        }
        catch (JsonException)
        {
            // State from an older, incompatible release: the conversation simply starts afresh.
            return null;
        }
    }
}
