using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Teams;

/// <summary>The Bot Framework wire format: camelCase, nulls left out.</summary>
internal static class BotFrameworkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
