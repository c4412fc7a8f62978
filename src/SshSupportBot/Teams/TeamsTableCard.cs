using System.Text.Json;
using SshSupportBot.Conversations;

namespace SshSupportBot.Teams;

/// <summary>
/// A Markdown table as an Adaptive Card <c>Table</c> (schema 1.5): Teams shows pipe tables in message text as raw
/// <c>| … |</c> lines. Long tables go into several cards so each stays far below the activity size limit.
/// </summary>
internal static class TeamsTableCard
{
    public const int MaxRowsPerCard = 25;

    public static IEnumerable<Attachment> Cards(MarkdownTable table)
    {
        foreach (var rows in table.Rows.Chunk(MaxRowsPerCard))
        {
            var card = new Dictionary<string, object>
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["version"] = TeamsReplyRenderer.CardVersion,
                ["body"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["type"] = "Table",
                        ["firstRowAsHeader"] = true,
                        ["showGridLines"] = true,
                        ["columns"] = table.Header.Select(_ => new { width = 1 }).ToArray(),
                        ["rows"] = new[] { Row(table.Header, bold: true) }.Concat(rows.Select(r => Row(r, bold: false))).ToArray(),
                    },
                },
            };
            yield return new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) };
        }
    }

    private static object Row(IReadOnlyList<string> cells, bool bold) => new
    {
        type = "TableRow",
        cells = cells.Select(cell => new
        {
            type = "TableCell",
            // TextBlock Markdown has no inline code; the backticks would show as they are.
            items = new object[] { new { type = "TextBlock", text = cell.Replace("`", ""), wrap = true, weight = bold ? "Bolder" : "Default" } },
        }).ToArray(),
    };
}
