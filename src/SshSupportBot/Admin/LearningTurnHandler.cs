using SshSupportBot.Languages;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Flows;
using SshSupportBot.Hosting;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>
/// Wraps the conversation engine with what admins learn from: each turn is counted, answers offer 👍 / 👎,
/// weak answers and declines go to the review queue, and admin commands and requests for a person are handled
/// before the engine sees them. The engine comes from the current model generation, read once per turn.
/// </summary>
internal sealed class LearningTurnHandler(
    BotModelHolder models,
    IFeedbackStore feedback,
    StoredText storedText,
    ReviewSettings review,
    AdminSettings admin,
    AdminCommands commands,
    Handoff handoff,
    TimeProvider time,
    ILogger<LearningTurnHandler> logger) : ITurnHandler
{
    public const string BotIntent = Answerer.BotIntent;

    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var text = message.Text.Trim();
        var key = $"{message.Channel}:{message.ConversationId}";
        var model = models.Current;
        if (FeedbackChoices.Parse(message) is { } vote)
        {
            return [await FeedbackAsync(message, key, vote.Helpful, vote.AnswerId, cancellationToken)];
        }
        if (AdminCommands.IsCommand(text))
        {
            if (!admin.IsAdmin(message.Channel, message.UserId))
            {
                logger.LogWarning("Refused an admin command from {Channel} user {UserId}", message.Channel, message.UserId);
                await feedback.AuditAsync($"{message.Channel}:{message.UserId}", "refused", "", time.GetUtcNow(), cancellationToken);
                var refusalLanguage = LanguageDetector.Detect(text);
                return [Plain(refusalLanguage, Phrases(model).Get("admin-only", refusalLanguage))];
            }
            var reply = await commands.RunAsync($"{message.Channel}:{message.UserId}", text, cancellationToken);
            return [Plain(Language.En, reply)];
        }
        var replies = await model.Engine.HandleAsync(message, cancellationToken);
        var result = new List<BotReply>(replies.Count);
        foreach (var reply in replies)
        {
            result.Add(await LearnAsync(message, key, model, text, reply, cancellationToken));
        }
        return result;
    }

    private async Task<BotReply> LearnAsync(IncomingMessage message, string key, BotModel model, string text, BotReply reply, CancellationToken cancellationToken)
    {
        var classification = reply.Classification;
        if (reply.HandoffRequested)
        {
            await Count(message, null, reply.Language, TurnOutcome.Handoff, cancellationToken);
            var lastAnswer = await feedback.LastAnswerAsync(key, cancellationToken);
            var note = await handoff.RequestAsync(message, key, message.IsChoice ? null : storedText.Redact(text), lastAnswer, reply.Language, Phrases(model), cancellationToken);
            return reply with { Text = note };
        }
        var outcome = classification switch
        {
            { IsOutOfScope: true } => TurnOutcome.Declined,
            { Source: ClassificationSource.Flow } => TurnOutcome.Flow,
            { Source: ClassificationSource.Model } when classification.Confidence < LowConfidenceBelow(model) => TurnOutcome.LowConfidence,
            _ => TurnOutcome.Answered,
        };
        await Count(message, classification.Intent, reply.Language, outcome, cancellationToken);
        if (reply.FlowEnded == FlowEnd.Handoff)
        {
            await Count(message, classification.Intent, reply.Language, TurnOutcome.Handoff, cancellationToken);
            var note = await handoff.FlowEndedAsync(message, key, classification.Intent, reply.Findings, reply.Language, Phrases(model), cancellationToken);
            return reply with { Text = reply.Text.TrimEnd() + "\n\n" + note };
        }
        var heldPrivateKey = reply.Findings.Any(f => f.Code == PrivateKeyPasteAnalyzer.Exposed.Code);
        // Button presses and menu numbers are not questions; only typed words are worth an admin's review.
        var typed = !message.IsChoice && !int.TryParse(text, out _);
        if (typed && outcome is TurnOutcome.Declined or TurnOutcome.LowConfidence)
        {
            var guessed = outcome == TurnOutcome.Declined ? classification.Alternatives.FirstOrDefault()?.Intent : classification.Intent;
            var confidence = outcome == TurnOutcome.Declined ? classification.Alternatives.FirstOrDefault()?.Confidence ?? 0f : classification.Confidence;
            await BestEffortAsync(() => feedback.EnqueueAsync(new ReviewItem(0, storedText.Redact(text, heldPrivateKey), reply.Language, guessed, confidence,
                outcome == TurnOutcome.Declined ? ReviewReason.Declined : ReviewReason.LowConfidence, message.Channel, time.GetUtcNow()), cancellationToken));
        }
        if (outcome is not (TurnOutcome.Answered or TurnOutcome.LowConfidence))
        {
            return reply;
        }
        var answerId = Guid.NewGuid().ToString("N")[..12];
        var remembered = await BestEffortAsync(() => feedback.RememberAnswerAsync(new AnswerRecord(answerId, key, message.Channel,
            storedText.Redact(text, heldPrivateKey), classification.Intent, classification.Confidence, reply.Language, time.GetUtcNow()), cancellationToken));
        if (!remembered)
        {
            // Buttons for an answer nobody remembers would only lead to a confusing "already noted".
            return reply;
        }
        return reply with { Choices = [.. reply.Choices, .. FeedbackChoices.For(answerId, reply.Language, Phrases(model))] };
    }

    private async Task<BotReply> FeedbackAsync(IncomingMessage message, string key, bool helpful, string? answerId, CancellationToken cancellationToken)
    {
        var answer = answerId is null ? await feedback.LastAnswerAsync(key, cancellationToken) : await feedback.FindAnswerAsync(answerId, cancellationToken);
        if (answer is not null && answer.ConversationKey != key)
        {
            // A button value is only text: someone may send another conversation's answer id. Only its own conversation rates an answer.
            logger.LogWarning("Refused feedback from {Channel} user {UserId} on an answer of another conversation", message.Channel, message.UserId);
            return Plain(answer.Language, Phrases(models.Current).Get("feedback-other-conversation", answer.Language));
        }
        var language = answer?.Language ?? Language.En;
        var phrases = Phrases(models.Current);
        if (answer is null || !await feedback.RecordFeedbackAsync(answer.AnswerId, helpful, time.GetUtcNow(), cancellationToken))
        {
            return Plain(language, phrases.Get("feedback-already", language));
        }
        await Count(message, answer.Intent, language, TurnOutcome.Feedback, cancellationToken);
        if (helpful)
        {
            return Plain(language, phrases.Get("feedback-thanks", language));
        }
        await feedback.EnqueueAsync(new ReviewItem(0, answer.Text, language, answer.Intent, answer.Confidence, ReviewReason.NotHelpful,
            answer.Channel, time.GetUtcNow()), cancellationToken);
        // The offer of a person is the bot's question now: a typed "yes" to it must reach a person.
        await models.Current.Engine.RememberPendingAsync(message, new PersonOffer(), cancellationToken);
        var reply = Plain(language, phrases.Get("feedback-sorry", language));
        return reply with { Choices = [new ReplyChoice(new RequestPerson(), phrases.Get("handoff-button", language))] };
    }

    private float LowConfidenceBelow(BotModel model) => model.Answerer.Classifier.Policy.MinConfidence + review.LowConfidenceMargin;

    private Task Count(IncomingMessage message, string? intent, Language language, TurnOutcome outcome, CancellationToken cancellationToken) =>
        BestEffortAsync(() => feedback.RecordTurnAsync(new TurnRecord(time.GetUtcNow(), message.Channel, intent, language, outcome), cancellationToken));

    /// <summary>
    /// Bookkeeping around an answer: while a shared store (Redis) is unreachable the user still gets the stateless answer,
    /// and only the count, queue entry or feedback buttons of that turn are lost.
    /// </summary>
    private async Task<bool> BestEffortAsync(Func<Task> record)
    {
        try
        {
            await record();
            return true;
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Feedback store unreachable; this turn is answered without being counted or queued for review");
            return false;
        }
    }

    private static Dialogue.BotPhrases Phrases(BotModel model) => model.Answerer.KnowledgeBase.Dialogue.Phrases;

    /// <summary>A reply of the bot's own (feedback, admin, hand-off) rather than an intent's answer.</summary>
    private static BotReply Plain(Language language, string text) =>
        new(language, new Classification(BotIntent, 1f, [], ClassificationSource.Pattern), text, [], []);
}
