using SshSupportBot.Diagnostics;
using SshSupportBot.Flows;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Conversations;

/// <summary>
/// The conversation engine behind every channel: loads the conversation's state once per turn, answers or moves
/// its flow on, and saves the state with a version check. Turns of one conversation run one at a time.
/// </summary>
internal sealed class ConversationEngine(Answerer answerer, FlowRunner runner, IConversationStore store, TimeProvider time, GatewayAdvisor? advisor = null,
    IConversationLock? conversationLock = null) : ITurnHandler
{
    public const string StartFlowPrefix = "flow:start:";
    private const int SaveAttempts = 5;

    private readonly IConversationLock _lock = conversationLock ?? new InProcessConversationLock();

    private KnowledgeBase KnowledgeBase => answerer.KnowledgeBase;

    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var key = $"{message.Channel}:{message.ConversationId}";

        try
        {
            return await HandleWithStateAsync(key, message, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            Hosting.BotMetrics.StatelessTurns.Inc();
            var text = message.Text.Trim();
            return [answerer.Answer(text)];
        }
    }

    private async Task<IReadOnlyList<BotReply>> HandleWithStateAsync(string key, IncomingMessage message, CancellationToken cancellationToken)
    {
        await using (await _lock.AcquireAsync(key, cancellationToken))
        {
            for (var attempt = 0; attempt < SaveAttempts; attempt++)
            {
                var state = await store.LoadAsync(key, cancellationToken) ?? ConversationState.New(key, time.GetUtcNow());
                // A message that continues a key split over several messages is only recognisable with the previous one in mind.
                var keys = PrivateKeyDetector.Find(message.Text, state.InsidePrivateKey);
                var (reply, next) = keys.ContinuedKey ? (ContinuedKeyReply(state), state) : Turn(state, message);
                next = next with { InsidePrivateKey = keys.EndsInsideKey };
                if (await store.TrySaveAsync(next with { UpdatedAt = time.GetUtcNow() }, cancellationToken))
                {
                    return [advisor is null ? reply : await advisor.AdviseAsync(reply, cancellationToken)];
                }
                // Another worker saved a turn of this conversation meanwhile: decide again on its state.
            }
            throw new InvalidOperationException($"The conversation state could not be saved after {SaveAttempts} attempts; another worker keeps changing it.");
        }
    }

    private BotReply ContinuedKeyReply(ConversationState state)
    {
        var language = state.Language ?? Language.En;
        IReadOnlyList<Finding> findings = [PrivateKeyPasteAnalyzer.Exposed];
        var classification = new Classification(DiagnosticIntents.PrivateKeyExposed, 1f, [], ClassificationSource.Pattern);
        return KnowledgeBase.Find(DiagnosticIntents.PrivateKeyExposed) is { } intent
            ? answerer.ForIntent(intent, classification, language, findings)
            : new BotReply(language, classification, FindingsText.Render(findings, language), [], findings);
    }

    private (BotReply Reply, ConversationState Next) Turn(ConversationState state, IncomingMessage message)
    {
        var text = message.Text.Trim();
        var isChoice = message.IsChoice;
        if (!isChoice && int.TryParse(text, out var number) && number >= 1 && number <= state.LastChoices.Count)
        {
            text = state.LastChoices[number - 1].Value;
            isChoice = true;
        }
        var language = ChooseLanguage(state, text, isChoice);

        if (text.StartsWith(StartFlowPrefix, StringComparison.Ordinal) && KnowledgeBase.Flows.GetValueOrDefault(text[StartFlowPrefix.Length..]) is { } requested)
        {
            return FromFlow(state, requested, runner.Start(requested, language), language);
        }

        if (state.Flow is { } progress)
        {
            if (KnowledgeBase.Flows.GetValueOrDefault(progress.FlowId) is not { } flow)
            {
                return Answer(state with { Flow = null }, text, language);
            }
            if (flow.Version != progress.FlowVersion)
            {
                var notice = language == Language.Ja
                    ? "管理者がこの確認手順を更新したため、最初からやり直します。"
                    : "The administrators have updated these checks, so we start them again from the beginning.";
                return FromFlow(state, flow, runner.Start(flow, language, notice), language);
            }
            if (runner.Continue(flow, progress, text, language) is { } turn)
            {
                return FromFlow(state, flow, turn, language);
            }
            return Aside(state, flow, progress, text, language);
        }

        return Answer(state, text, language);
    }

    /// <summary>Input during a flow that does not answer the step: a pasted output, a question, or something unclear.</summary>
    private (BotReply, ConversationState) Aside(ConversationState state, FlowDefinition flow, FlowProgress progress, string text, Language language)
    {
        var answer = answerer.Answer(text, language);
        string preface;
        var recorded = progress;
        if (answer.Findings.Count > 0)
        {
            recorded = progress with { Findings = progress.Findings.Concat(answer.Findings).ToList() };
            preface = FindingsText.Render(answer.Findings, language);
        }
        else if (!answer.Classification.IsOutOfScope && answer.Classification.Intent != flow.Id)
        {
            preface = answer.Text + "\n\n" + (language == Language.Ja ? "— 確認の続きです —" : "— Back to the checks —");
        }
        else
        {
            preface = language == Language.Ja
                ? "すみません、この手順への答えとして読み取れませんでした。"
                : "Sorry, I couldn't read that as an answer to this step.";
        }
        var prompt = runner.Prompt(flow, recorded, language, preface);
        var answered = answer.Findings.Count == 0 && !answer.Classification.IsOutOfScope ? answer.Classification : null;
        return FromFlow(state, flow, prompt, language, answer.Findings, answered);
    }

    private (BotReply, ConversationState) Answer(ConversationState state, string text, Language language)
    {
        var reply = answerer.Answer(text, language);
        if (!reply.Classification.IsOutOfScope && KnowledgeBase.Find(reply.Classification.Intent)?.Flow?.Id is { } flowId && KnowledgeBase.Flows.ContainsKey(flowId))
        {
            var offer = new ReplyChoice(StartFlowPrefix + flowId, language == Language.Ja ? "一緒に順番に確認する" : "Walk me through the checks");
            reply = reply with { Choices = [offer, .. reply.Choices] };
        }
        return (reply, state with { Language = reply.Language, LastChoices = reply.Choices });
    }

    /// <param name="answered">Set when the turn answered a question asked in the middle of the flow: the reply is about that intent.</param>
    private (BotReply, ConversationState) FromFlow(ConversationState state, FlowDefinition flow, FlowTurn turn, Language language,
        IReadOnlyList<Finding>? extraFindings = null, Classification? answered = null)
    {
        var intent = KnowledgeBase.Find(flow.Id) is not null ? flow.Id : KnowledgeBase.Intents.FirstOrDefault(i => i.Flow?.Id == flow.Id)?.Id ?? flow.Id;
        var findings = extraFindings ?? turn.Findings;
        var classification = answered ?? new Classification(intent, 1f, [], ClassificationSource.Flow);
        var reply = new BotReply(language, classification, turn.Text, turn.Choices, findings) { FlowEnded = turn.Ended };
        return (reply, state with { Language = language, Flow = turn.Progress, LastChoices = turn.Choices });
    }

    private Language ChooseLanguage(ConversationState state, string text, bool isChoice)
    {
        var detected = LanguageDetector.Detect(text);
        if (detected == Language.Ja)
        {
            return Language.Ja;
        }
        var isCommand = isChoice || FlowCommands.Parse(text) != FlowCommand.None
            || text.StartsWith(StartFlowPrefix, StringComparison.Ordinal) || text.StartsWith(Answerer.IntentChoicePrefix, StringComparison.Ordinal);
        // A pasted English error does not mean a Japanese-speaking user switched language.
        var isPaste = text.Contains('\n') || text.Contains("debug1:", StringComparison.Ordinal) || text.Contains('$') || text.Contains("@@@", StringComparison.Ordinal);
        return state.Language is { } known && (isCommand || isPaste) ? known : detected;
    }
}
