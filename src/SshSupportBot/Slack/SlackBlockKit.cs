using System.Text;
using SshSupportBot.Conversations;

namespace SshSupportBot.Slack;

/// <summary>Renders a <see cref="BotReply"/> as Block Kit messages inside Slack's limits; a long answer becomes more blocks or more messages, never an error.</summary>
internal static class SlackBlockKit
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionsElements = 25;
    public const int MaxFallbackText = 3000;
    public const string ChoiceActionPrefix = "sshbot-choice-";

    public static IReadOnlyList<SlackMessage> Render(BotReply reply) => Render(reply.Text, reply.Choices);

    public static IReadOnlyList<SlackMessage> Render(string markdown, IReadOnlyList<ReplyChoice> choices)
    {
        var sections = new List<string>();
        foreach (var (text, isCode) in SlackMrkdwn.Convert(markdown))
        {
            sections.AddRange(isCode ? SplitCode(text) : SplitProse(text, MaxSectionText));
        }
        if (sections.Count == 0)
        {
            sections.Add(" ");
        }
        var actions = Actions(choices);

        var messages = new List<SlackMessage>();
        var blocks = new List<object>();
        var fallback = new StringBuilder();
        foreach (var section in sections)
        {
            if (blocks.Count == MaxBlocks)
            {
                messages.Add(new SlackMessage(Fallback(fallback), blocks));
                blocks = [];
                fallback.Clear();
            }
            blocks.Add(new SectionBlock(TextObject.Mrkdwn(section)));
            fallback.Append(section).Append("\n\n");
        }
        // Buttons belong with the end of the answer; they move to a message of their own only when no room is left.
        foreach (var block in actions)
        {
            if (blocks.Count == MaxBlocks)
            {
                messages.Add(new SlackMessage(Fallback(fallback), blocks));
                blocks = [];
                fallback.Clear();
            }
            blocks.Add(block);
            foreach (var button in block.Elements)
            {
                fallback.Append("• ").Append(button.Text.Text).Append('\n');
            }
        }
        messages.Add(new SlackMessage(Fallback(fallback), blocks));
        return messages;
    }

    private static List<ActionsBlock> Actions(IReadOnlyList<ReplyChoice> choices)
    {
        var buttons = choices
            .Select(c => (c.Label, Value: TurnActionCodec.Encode(c.Action)))
            .Where(c => c.Value.Length <= MaxButtonValue)
            .Select((c, i) => new ButtonElement(TextObject.Plain(Truncate(c.Label, MaxButtonText)), $"{ChoiceActionPrefix}{i}", c.Value))
            .ToList();
        return buttons.Chunk(MaxActionsElements).Select((chunk, i) => new ActionsBlock($"sshbot-choices-{i}", chunk)).ToList();
    }

    private static IEnumerable<string> SplitCode(string code)
    {
        const int overhead = 8; // the two fences and their newlines
        foreach (var piece in SplitProse(code, MaxSectionText - overhead))
        {
            yield return $"{SlackMrkdwn.Fence}\n{piece}\n{SlackMrkdwn.Fence}";
        }
    }

    /// <summary>Cuts at paragraph, then line, then word boundaries; only a single over-long word is cut inside.</summary>
    private static IEnumerable<string> SplitProse(string text, int limit)
    {
        var rest = text;
        while (rest.Length > limit)
        {
            var cut = LastBreak(rest, limit, "\n\n") ?? LastBreak(rest, limit, "\n") ?? LastBreak(rest, limit, " ") ?? limit;
            if (char.IsHighSurrogate(rest[cut - 1]))
            {
                cut--;
            }
            var head = rest[..cut].TrimEnd();
            if (head.Length > 0)
            {
                yield return head;
            }
            rest = rest[cut..].TrimStart('\n', ' ');
        }
        if (rest.Trim().Length > 0)
        {
            yield return rest;
        }
    }

    private static int? LastBreak(string text, int limit, string separator)
    {
        var at = text.LastIndexOf(separator, limit - 1, limit, StringComparison.Ordinal);
        return at > limit / 4 ? at : null;
    }

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    private static string Fallback(StringBuilder text) => Truncate(text.ToString().Trim(), MaxFallbackText) is { Length: > 0 } t ? t : " ";
}
