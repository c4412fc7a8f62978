using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Teams;

/// <summary>The Bot Framework wire format: camelCase, nulls left out.</summary>
/// <remarks>
/// Non-ASCII is written as-is: the default escaping turns each Japanese character into six bytes and would
/// push answers past Teams' message size limit. The JSON is never embedded in HTML, so relaxed escaping is safe.
/// </remarks>
internal static class BotFrameworkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
