using SshSupportBot.Dialogue;
using SshSupportBot.Languages;
using System.Text;
using System.Text.Json;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;

namespace SshSupportBot.Teams;

/// <summary>
/// Turns a channel-neutral reply into Bot Framework message activities: Markdown text, and an Adaptive Card
/// (1.5, the newest Teams renders everywhere) carrying the choices as Action.Submit buttons.
/// </summary>
internal static class TeamsReplyRenderer
{
    public const string CardVersion = "1.5";

    /// <summary>Teams refuses activities over about 28 KB; text chunks stay well below, leaving room for the card and envelope.</summary>
    public const int MaxTextBytes = 20_000;

    public static IReadOnlyList<Activity> Render(BotReply reply, Activity incoming)
    {
        var activities = new List<Activity>();
        foreach (var (markdown, table) in Segments(reply.Text))
        {
            if (table is not null)
            {
                activities.AddRange(TeamsTableCard.Cards(table).Select(card => Message(incoming, "", [card])));
                continue;
            }
            activities.AddRange(Split(TeamsMarkdown.Render(markdown), MaxTextBytes).Select(chunk => Message(incoming, chunk, null)));
        }
        if (activities.Count == 0)
        {
            activities.Add(Message(incoming, TeamsMarkdown.Render(reply.Text), null));
        }
        if (reply.Choices.Count > 0)
        {
            var last = activities[^1];
            activities[^1] = last with { Attachments = [.. last.Attachments ?? [], ChoiceCard(reply.Choices, reply.Language)] };
        }
        return activities;
    }

    /// <summary>The reply cut around its tables, in order; text outside code blocks only.</summary>
    private static List<(string Markdown, MarkdownTable? Table)> Segments(string text)
    {
        var segments = new List<(string, MarkdownTable?)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var current = new StringBuilder();
        var inCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith(Fence, StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode && MarkdownTable.TryRead(lines, i, out var end) is { } table)
            {
                Flush();
                segments.Add(("", table));
                i = end - 1;
                continue;
            }
            current.Append(lines[i]).Append('\n');
        }
        Flush();
        return segments;

        void Flush()
        {
            if (current.ToString().Trim().Length > 0)
            {
                segments.Add((current.ToString().Trim('\n'), null));
            }
            current.Clear();
        }
    }

    // Said before the user's language is known, so in both.
    public static Activity Greeting(Activity incoming, ChannelAccount member, BotPhrases phrases) =>
        Message(incoming, phrases.InBothLanguages("welcome", "\n\n"), null) with { Recipient = member };

    public static Activity Apology(Activity incoming, BotPhrases phrases) =>
        Message(incoming, phrases.InBothLanguages("turn-failed", "\n\n"), null);

    private static Activity Message(Activity incoming, string text, IReadOnlyList<Attachment>? attachments) => new()
    {
        Type = "message",
        Text = text,
        TextFormat = "markdown",
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Attachments = attachments,
    };

    private static Attachment ChoiceCard(IReadOnlyList<ReplyChoice> choices, Language language)
    {
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = CardVersion,
            ["body"] = new object[]
            {
                new { type = "TextBlock", text = Dialogue.DialogueData.Shipped.Phrases.Get("choices-prompt", language), wrap = true },
            },
            ["actions"] = choices.Select(c => new Dictionary<string, object>
            {
                ["type"] = "Action.Submit",
                ["title"] = c.Label,
                ["data"] = new Dictionary<string, string> { [ActivityMapper.ChoiceKey] = TurnActionCodec.Encode(c.Action) },
            }).ToArray(),
        };
        return new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) };
    }

    /// <summary>
    /// Splits at paragraph, then line, then character boundaries so no chunk exceeds <paramref name="maxBytes"/> in UTF-8.
    /// A code block cut in two is closed at the end of one chunk and opened again in the next, so both stay copyable.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        var chunks = new List<string>();
        var rest = text;
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var cut = Cut(rest, maxBytes);
            if (OpensCode(rest[..cut]))
            {
                // Room for the closing fence.
                cut = Cut(rest, maxBytes - Fence.Length - 1);
            }
            var chunk = rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart('\n');
            if (OpensCode(chunk))
            {
                chunk += "\n" + Fence;
                rest = Fence + "\n" + rest;
            }
            chunks.Add(chunk);
        }
        chunks.Add(rest);
        return chunks;
    }

    private const string Fence = "```";

    private static int Cut(string text, int maxBytes)
    {
        var fit = LongestPrefixWithin(text, maxBytes);
        var cut = text.LastIndexOf("\n\n", fit, StringComparison.Ordinal);
        if (cut <= 0)
        {
            cut = text.LastIndexOf('\n', fit - 1);
        }
        return cut <= 0 ? fit : cut;
    }

    private static bool OpensCode(string chunk) =>
        chunk.Split('\n').Count(l => l.TrimStart().StartsWith(Fence, StringComparison.Ordinal)) % 2 == 1;

    private static int LongestPrefixWithin(string text, int maxBytes)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 4 : Encoding.UTF8.GetByteCount(text.AsSpan(i, 1));
            if (bytes + width > maxBytes)
            {
                return Math.Max(i, 1);
            }
            bytes += width;
            if (width == 4)
            {
                i++;
            }
        }
        return text.Length;
    }
}
