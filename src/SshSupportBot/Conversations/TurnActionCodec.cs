using SshSupportBot.Dialogue;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshSupportBot.Conversations;

/// <summary>
/// The wire form of a <see cref="TurnAction"/> inside a button (a Slack button value, a Teams card's data): small JSON
/// that is decoded strictly, so a forged or stale value is ignored rather than acted on.
/// </summary>
internal static class TurnActionCodec
{
    /// <summary>Slack's limit for a button value; every action we encode is far below it.</summary>
    public const int MaxLength = 2000;

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Encode(TurnAction action) => JsonSerializer.Serialize(action, Options);

    public static TurnAction? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] != '{')
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TurnAction>(value, Options) is { } action && IsWellFormed(action) ? action : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    // A JSON object with the right discriminator can still lack a member; such an action would fail deep in the engine.
    private static bool IsWellFormed(TurnAction action) => action switch
    {
        AskAboutIntent a => !string.IsNullOrEmpty(a.IntentId),
        StartFlow s => !string.IsNullOrEmpty(s.FlowId),
        ChooseOption c => !string.IsNullOrEmpty(c.Value),
        ControlFlow c => Enum.IsDefined(c.Command) && c.Command != FlowCommand.None,
        GiveFeedback f => !string.IsNullOrEmpty(f.AnswerId),
        ShowDetails d => !string.IsNullOrEmpty(d.IntentId),
        _ => true,
    };
}
