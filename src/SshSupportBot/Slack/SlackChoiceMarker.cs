using System.Text.Json;
using System.Text.Json.Nodes;

namespace SshSupportBot.Slack;

/// <summary>
/// After a button press, the message's buttons are replaced by a line naming the choice, so the conversation reads
/// clearly and an old button cannot be pressed again into a flow that has moved on.
/// </summary>
internal sealed partial class SlackChoiceMarker(SlackApiClient api, ILogger<SlackChoiceMarker> logger)
{
    public async Task MarkAsync(PressedButton pressed, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var blocks = Replace(pressed.Blocks, pressed.Label, userId);
            await api.UpdateAsync(pressed.Channel, pressed.MessageTs, new SlackMessage(pressed.FallbackText ?? pressed.Label, blocks), cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            // Cosmetic: the answer to the choice matters more, so a failed edit is only logged.
            logger.LogWarning("Slack chat.update of the pressed message failed: {Error}", e is SlackApiException s ? s.Error : e.GetType().Name);
        }
    }

    public static IReadOnlyList<object> Replace(JsonElement blocks, string label, string userId)
    {
        var result = new List<object>();
        foreach (var block in blocks.EnumerateArray())
        {
            // The payload is Slack's copy of our message, but any element may be missing, null or of another type.
            if (block.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var isOurActions = block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "actions"
                && block.TryGetProperty("block_id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString()!.StartsWith("sshbot-choices-", StringComparison.Ordinal);
            if (!isOurActions)
            {
                result.Add(JsonNode.Parse(block.GetRawText())!);
            }
            else if (!result.OfType<ContextBlock>().Any())
            {
                var who = UserId().IsMatch(userId) ? $"<@{userId}>" : SlackMrkdwn.Escape(userId);
                result.Add(new ContextBlock([TextObject.Mrkdwn($"✔ {who}: {SlackMrkdwn.Escape(label)}")]));
            }
        }
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[UW][A-Z0-9]{1,20}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UserId();
}
