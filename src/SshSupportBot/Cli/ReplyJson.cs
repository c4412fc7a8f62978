using SshSupportBot.Languages;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;

namespace SshSupportBot.Cli;

/// <summary>The stable <c>--json</c> contract of <c>ask</c>, <c>classify</c> and <c>diagnose</c>; scripts depend on these names.</summary>
internal static class ReplyJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(BotReply reply) => JsonSerializer.Serialize(From(reply), Options);

    public static ReplyDocument From(BotReply reply) => new(
        reply.Language.Code(),
        reply.Classification.Intent,
        Round(reply.Classification.Confidence),
        reply.Classification.Alternatives.Select(a => new AlternativeDocument(a.Intent, Round(a.Confidence))).ToList(),
        reply.Text,
        reply.Findings.Select(f => new FindingDocument(
            f.Code, f.Severity.ToString().ToLowerInvariant(), f.Path, f.Message.For(reply.Language), f.Fix)).ToList());

    private static double Round(float value) => Math.Round(value, 4);
}

internal sealed record ReplyDocument(
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("alternatives")] IReadOnlyList<AlternativeDocument> Alternatives,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingDocument> Findings);

internal sealed record AlternativeDocument(
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("confidence")] double Confidence);

internal sealed record FindingDocument(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fix")] string? Fix);
