using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Formatting;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>Hands a conversation to a person: a short, redacted summary to the admin channel, and a note to the user.</summary>
internal sealed class Handoff(IHandoffNotifier notifier, IConversationStore conversations, StoredText storedText, BotSettings bot, ILogger<Handoff> logger,
    ServerCheckSettings? serverCheck = null)
{
    /// <returns>What really happened, so that the user is told the truth: posted, or how to reach a person with the summary to copy.</returns>
    public async Task<string> RequestAsync(IncomingMessage message, string key, string? redactedText, AnswerRecord? lastAnswer, Language language,
        Dialogue.BotPhrases phrases, CancellationToken cancellationToken)
    {
        var state = await conversations.LoadAsync(key, cancellationToken);
        var summary = storedText.Redact(Summary(message, redactedText, lastAnswer, state), maxLength: StoredText.MaxForwardedLength);
        var posted = notifier.IsConfigured && await notifier.NotifyAsync(summary, cancellationToken);
        logger.LogInformation("Hand-off requested in {Channel}; posted to the admin channel: {Posted}", message.Channel, posted);
        return Outcome(posted, UserSummary(redactedText, lastAnswer, state), language, phrases);
    }

    /// <summary>A flow reached <c>end: handoff</c>: the checks it ran and what they found go to the admins.</summary>
    /// <returns>What to add to the flow's last message for the user.</returns>
    public async Task<string> FlowEndedAsync(IncomingMessage message, string key, string flowIntent, IReadOnlyList<Diagnostics.Finding> findings,
        Language language, Dialogue.BotPhrases phrases, CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"🙋 Hand-off at the end of the `{flowIntent}` checks ({Origin(message)})\n");
        foreach (var finding in findings)
        {
            text.Append($"  – {finding.Code}: {MarkdownLiteral.Quote(storedText.Redact(finding.Message.En))}\n");
        }
        text.Append(ServerCheckOffer.Line(serverCheck));
        var posted = notifier.IsConfigured
            && await notifier.NotifyAsync(storedText.Redact(text.ToString().TrimEnd(), maxLength: StoredText.MaxForwardedLength), cancellationToken);
        logger.LogInformation("Flow {Flow} ended in a hand-off in {Channel}; posted to the admin channel: {Posted}", flowIntent, message.Channel, posted);
        var forUser = new StringBuilder($"checks: {flowIntent}\n");
        foreach (var finding in findings)
        {
            forUser.Append($"- {storedText.Redact(finding.Message.For(language))}\n");
        }
        return Outcome(posted, forUser.ToString(), language, phrases);
    }

    private string Outcome(bool posted, string summary, Language language, Dialogue.BotPhrases phrases)
    {
        if (posted)
        {
            return phrases.Get("handoff-posted", language);
        }
        var contact = bot.AdminContact(language);
        return phrases.Get("handoff-not-posted", language, ("contact", contact)) + "\n```\n" + summary.TrimEnd() + "\n```";
    }

    /// <summary>What the user can paste into a message to the helpdesk: their question and the checks so far, without internal ids.</summary>
    private string UserSummary(string? redactedText, AnswerRecord? lastAnswer, ConversationState? state)
    {
        var text = new StringBuilder();
        if (lastAnswer is not null)
        {
            text.Append($"question: {lastAnswer.Text}\ntopic: {lastAnswer.Intent}\n");
        }
        else if (redactedText is not null)
        {
            text.Append($"question: {redactedText}\n");
        }
        if (state?.Flow is { } flow)
        {
            text.Append($"checks: {flow.FlowId}, step {flow.StepId}\n");
            foreach (var finding in flow.Findings)
            {
                text.Append($"- {storedText.Redact(finding.Message.En)}\n");
            }
        }
        return text.Length == 0 ? "(SSH login problem)" : text.ToString();
    }

    private string Summary(IncomingMessage message, string? redactedText, AnswerRecord? lastAnswer, ConversationState? state)
    {
        var text = new StringBuilder();
        text.Append($"🙋 Hand-off requested ({Origin(message)})\n");
        if (lastAnswer is not null)
        {
            text.Append($"• Last question: \"{MarkdownLiteral.Quote(lastAnswer.Text)}\" → answered as `{lastAnswer.Intent}` ({lastAnswer.Confidence:0.00})\n");
        }
        if (redactedText is not null)
        {
            text.Append($"• Request: \"{MarkdownLiteral.Quote(redactedText)}\"\n");
        }
        if (state?.Flow is { } flow)
        {
            text.Append($"• Checks: flow `{flow.FlowId}`, at step `{flow.StepId}`");
            if (flow.History.Count > 0)
            {
                text.Append($" (after {string.Join(" → ", flow.History)})");
            }
            text.Append('\n');
            foreach (var finding in flow.Findings)
            {
                text.Append($"  – {finding.Code}: {MarkdownLiteral.Quote(storedText.Redact(finding.Message.En))}\n");
            }
        }
        text.Append(ServerCheckOffer.Line(serverCheck));
        return text.ToString().TrimEnd();
    }

    // Ids come from the platform's payload, which the sender shapes: quoted like user text.
    private static string Origin(IncomingMessage message) =>
        MarkdownLiteral.Quote($"{message.Channel}, conversation {message.ConversationId}, user {message.UserId}");
}
