using System.Text;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>Hands a conversation to a person: a short, redacted summary to the admin channel, and a note to the user.</summary>
internal sealed class Handoff(IHandoffNotifier notifier, IConversationStore conversations, StoredText storedText, BotSettings bot, ILogger<Handoff> logger)
{
    /// <returns>What to tell the user.</returns>
    public async Task<string> RequestAsync(IncomingMessage message, string key, string redactedText, AnswerRecord? lastAnswer, Language language,
        CancellationToken cancellationToken)
    {
        var state = await conversations.LoadAsync(key, cancellationToken);
        var summary = storedText.Redact(Summary(message, redactedText, lastAnswer, state), maxLength: StoredText.MaxForwardedLength);
        var posted = notifier.IsConfigured && await notifier.NotifyAsync(summary, cancellationToken);
        logger.LogInformation("Hand-off requested in {Channel}; posted to the admin channel: {Posted}", message.Channel, posted);
        if (posted)
        {
            return language == Language.Ja
                ? "担当者に引き継ぎました。これまでのやり取りの要約を送ったので、担当者から連絡があります。しばらくお待ちください。"
                : "I've passed this to a person, with a summary of what we covered. Someone will follow up with you here.";
        }
        return language == Language.Ja
            ? $"担当者に直接相談するには、{bot.AdminContactJa}までお問い合わせください。"
            : $"To reach a person, please contact {bot.AdminContactEn}.";
    }

    /// <summary>A flow reached <c>end: handoff</c>: the checks it ran and what they found go to the admins.</summary>
    /// <returns>What to add to the flow's last message for the user.</returns>
    public async Task<string> FlowEndedAsync(IncomingMessage message, string key, string flowIntent, IReadOnlyList<Diagnostics.Finding> findings,
        Language language, CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"🙋 Hand-off at the end of the `{flowIntent}` checks ({message.Channel}, conversation {message.ConversationId}, user {message.UserId})\n");
        foreach (var finding in findings)
        {
            text.Append($"  – {finding.Code}: {storedText.Redact(finding.Message.En)}\n");
        }
        var posted = notifier.IsConfigured
            && await notifier.NotifyAsync(storedText.Redact(text.ToString().TrimEnd(), maxLength: StoredText.MaxForwardedLength), cancellationToken);
        logger.LogInformation("Flow {Flow} ended in a hand-off in {Channel}; posted to the admin channel: {Posted}", flowIntent, message.Channel, posted);
        return posted
            ? language == Language.Ja ? "担当者に引き継ぎました。担当者から連絡があります。" : "I've passed this to a person; someone will follow up with you here."
            : language == Language.Ja ? $"担当者には{bot.AdminContactJa}から相談できます。" : $"You can reach a person through {bot.AdminContactEn}.";
    }

    private string Summary(IncomingMessage message, string redactedText, AnswerRecord? lastAnswer, ConversationState? state)
    {
        var text = new StringBuilder();
        text.Append($"🙋 Hand-off requested ({message.Channel}, conversation {message.ConversationId}, user {message.UserId})\n");
        if (lastAnswer is not null)
        {
            text.Append($"• Last question: \"{lastAnswer.Text}\" → answered as `{lastAnswer.Intent}` ({lastAnswer.Confidence:0.00})\n");
        }
        if (redactedText != HumanRequest.ChoiceValue)
        {
            text.Append($"• Request: \"{redactedText}\"\n");
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
                text.Append($"  – {finding.Code}: {storedText.Redact(finding.Message.En)}\n");
            }
        }
        return text.ToString().TrimEnd();
    }
}
