using SshSupportBot.Languages;
using System.Text.Json;
using System.Text.Json.Serialization;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;

namespace SshSupportBot.Cli;

/// <summary>
/// The stable contract of <c>chat --json</c>: one object per turn. A choice's <c>value</c> is what a script types to
/// pick it (its number); <c>ended</c> is resolved, unresolved, handoff or null.
/// </summary>
internal static class ChatTurnJson
{
    public static string Serialize(BotReply reply) => JsonSerializer.Serialize(From(reply), ReplyJson.Options);

    public static ChatTurnDocument From(BotReply reply)
    {
        var shown = TerminalRenderer.NumberedChoices(reply);
        return new ChatTurnDocument(
            reply.Classification.Intent,
            Math.Round(reply.Classification.Confidence, 4),
            reply.Language.Code(),
            reply.Flow?.FlowId,
            reply.Flow?.StepId,
            reply.FlowEnded?.ToString().ToLowerInvariant(),
            shown.Select((c, i) => new ChoiceDocument((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Label)).ToList(),
            ReplyJson.From(reply).Findings,
            reply.Text,
            reply.HandoffRequested);
    }
}

internal sealed record ChatTurnDocument(
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("flow"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Flow,
    [property: JsonPropertyName("step"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Step,
    [property: JsonPropertyName("ended"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Ended,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChoiceDocument> Choices,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingDocument> Findings,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("handoff")] bool Handoff);

internal sealed record ChoiceDocument(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("label")] string Label);
