using SshSupportBot.Languages;
using SshSupportBot.Common;
using SshSupportBot.Diagnostics;
using SshSupportBot.Dialogue;
using SshSupportBot.Flows;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Conversations;

/// <summary>
/// The conversation engine behind every channel: loads the conversation's state once per turn, decides in one place
/// what the turn is (a button, an answer to the bot's own question, a step of the checks, a new question, a request
/// for a person) and saves the state with a version check. Turns of one conversation run one at a time.
/// </summary>
internal sealed class ConversationEngine(Answerer answerer, FlowRunner runner, IConversationStore store, TimeProvider time, GatewayAdvisor? advisor = null,
    IConversationLock? conversationLock = null) : ITurnHandler
{
    public const string HumanHandoffIntent = "human-handoff";
    private const string ThanksIntent = "thanks";
    private const string GreetingIntent = "greeting";
    private const int SaveAttempts = 5;

    /// <summary>Only a short turn is read as a follow-up to the last topic; a long one is a question of its own.</summary>
    private const int MaxFollowUpLength = 60;

    private const double PlainAnswer = 0.9;

    private const float AsideConfidence = 0.6f;

    private static readonly AnswerKind[] YesNo = [AnswerKind.Yes, AnswerKind.No];
    private static readonly AnswerKind[] Closers = [AnswerKind.Fixed, AnswerKind.Done];

    private readonly IConversationLock _lock = conversationLock ?? new InProcessConversationLock();

    private KnowledgeBase KnowledgeBase => answerer.KnowledgeBase;

    private BotPhrases Phrases => KnowledgeBase.Dialogue.Phrases;

    private AnswerReader Reader => KnowledgeBase.Dialogue.Reader;

    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var key = $"{message.Channel}:{message.ConversationId}";

        try
        {
            return await HandleWithStateAsync(key, message, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            Common.BotMetrics.StatelessTurns.Inc();
            return [answerer.Answer(message.Text.Trim())];
        }
    }

    /// <summary>Records a question the bot asked outside the engine (the admin layer's offer of a person after a 👎).</summary>
    public async Task RememberPendingAsync(IncomingMessage message, PendingQuestion pending, CancellationToken cancellationToken)
    {
        var key = $"{message.Channel}:{message.ConversationId}";
        try
        {
            await using (await _lock.AcquireAsync(key, cancellationToken))
            {
                for (var attempt = 0; attempt < SaveAttempts; attempt++)
                {
                    var state = await store.LoadAsync(key, cancellationToken) ?? ConversationState.New(key, time.GetUtcNow());
                    if (await store.TrySaveAsync(state with { Pending = pending, UpdatedAt = time.GetUtcNow() }, cancellationToken))
                    {
                        return;
                    }
                }
            }
        }
        catch (StorageUnavailableException)
        {
            // Without state the offer is still shown as a button; only a typed answer to it is lost.
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
                // The reply is recorded with the state in one write, so a crash cannot leave the flow moved on and the reply lost.
                var outbox = string.IsNullOrEmpty(message.EventId) ? null : new OutboxRecord(OutboxRecord.KeyFor(message), [reply]);
                if (await store.TrySaveAsync(next with { UpdatedAt = time.GetUtcNow() }, outbox, cancellationToken))
                {
                    return [advisor is null ? reply : await advisor.AdviseAsync(reply, cancellationToken, Phrases)];
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
            : new BotReply(language, classification, FindingsText.Render(findings, language, Phrases.Get("findings-heading", language)), [], findings);
    }

    private (BotReply Reply, ConversationState Next) Turn(ConversationState state, IncomingMessage message)
    {
        var text = message.Text.Trim();
        var action = message.Action ?? Numbered(state, text);
        var language = LanguageKeeper.Choose(state.Language, text, action is not null);
        var fresh = state with { Language = language, Pending = null };
        return action is not null ? OnAction(fresh, state, action, language) : OnText(fresh, state.Pending, text, language);
    }

    /// <summary>A digit typed in the terminal (or any channel) picks the numbered choice of the last reply.</summary>
    private static TurnAction? Numbered(ConversationState state, string text) =>
        int.TryParse(text, out var number) && number >= 1 && number <= state.LastChoices.Count ? state.LastChoices[number - 1].Action : null;

    private (BotReply, ConversationState) OnAction(ConversationState state, ConversationState before, TurnAction action, Language language)
    {
        switch (action)
        {
            case AskAboutIntent ask when answerer.Chosen(ask.IntentId, language) is { } chosen:
                return Answered(state, chosen, language);
            case ShowDetails details when answerer.Details(details.IntentId, language) is { } more:
                return (more, state with { LastChoices = more.Choices });
            case StartFlow start when KnowledgeBase.Flows.GetValueOrDefault(start.FlowId) is { } flow:
                return FromFlow(state, flow, runner.Start(flow, language), language);
            case RequestPerson:
                return Handoff(state, language);
            case DeclineOffer when state.Flow is not null && before.Pending is ContinueOffer:
                return InFlow(state, null, FlowCommand.Cancel, language);
            case DeclineOffer:
                return Plain(state, Phrases.Get("offer-declined", language), language);
            case ContinueFlow or ChooseOption or ControlFlow when state.Flow is not null:
                return InFlow(state, action, FlowCommand.None, language);
            default:
                return Plain(state with { Flow = null }, Phrases.Get("stale-button", language), language);
        }
    }

    private (BotReply, ConversationState) OnText(ConversationState state, PendingQuestion? pending, string text, Language language)
    {
        if (HoldsPrivateKey(text))
        {
            var warning = answerer.Answer(text, language);
            var preface = state.Flow is null ? null : Phrases.Get("key-stops-flow", language);
            return Answered(state with { Flow = null }, preface is null ? warning : warning with { Text = preface + "\n\n" + warning.Text }, language);
        }
        if (state.Flow is not null)
        {
            return InFlowText(state, pending, text, language);
        }
        switch (pending)
        {
            case FlowOffer offer when KnowledgeBase.Flows.GetValueOrDefault(offer.FlowId) is { } flow:
                switch (Reader.Read(text, YesNo, Closers))
                {
                    case AnswerKind.Yes:
                        return FromFlow(state, flow, runner.Start(flow, language), language);
                    case AnswerKind.No:
                        return Plain(state, Phrases.Get("offer-declined", language), language);
                    case AnswerKind.Fixed or AnswerKind.Done when answerer.Chosen(ThanksIntent, language) is { } thanks:
                        return Answered(state, thanks, language);
                }
                break;
            case PersonOffer:
                switch (Reader.Read(text, YesNo))
                {
                    case AnswerKind.Yes:
                        return Handoff(state, language);
                    case AnswerKind.No:
                        return Plain(state, Phrases.Get("offer-declined", language), language);
                }
                break;
        }
        return NewQuestion(state, text, language);
    }

    private (BotReply, ConversationState) InFlow(ConversationState state, TurnAction? action, FlowCommand command, Language language)
    {
        var progress = state.Flow!;
        if (KnowledgeBase.Flows.GetValueOrDefault(progress.FlowId) is not { } flow || flow.Find(progress.StepId) is not { } step)
        {
            return Plain(state with { Flow = null }, Phrases.Get("stale-button", language), language);
        }
        if (action is ControlFlow control)
        {
            command = control.Command;
        }
        if (command != FlowCommand.None)
        {
            return FromFlow(state, flow, runner.Command(flow, progress, command, language), language);
        }
        if (action is ChooseOption chosen && step.Choices.FirstOrDefault(c => c.Value == chosen.Value) is { } choice)
        {
            return FromFlow(state, flow, runner.Choose(flow, progress, choice, language), language);
        }
        return FromFlow(state, flow, runner.Prompt(flow, progress, language), language);
    }

    /// <summary>Typed words while the checks run: an answer to the step, a closing word, a change of mind, a paste, or a question.</summary>
    private (BotReply, ConversationState) InFlowText(ConversationState state, PendingQuestion? pending, string text, Language language)
    {
        var progress = state.Flow!;
        if (KnowledgeBase.Flows.GetValueOrDefault(progress.FlowId) is not { } flow || flow.Find(progress.StepId) is not { } step)
        {
            return NewQuestion(state with { Flow = null }, text, language);
        }
        if (flow.Version != progress.FlowVersion)
        {
            return FromFlow(state, flow, runner.Start(flow, language, Phrases.Get("flow-updated", language)), language);
        }
        if (pending is ContinueOffer)
        {
            switch (Reader.Read(text, YesNo, Closers))
            {
                case AnswerKind.Yes:
                    return FromFlow(state, flow, runner.Prompt(flow, progress, language), language);
                case AnswerKind.No:
                    return FromFlow(state, flow, runner.Command(flow, progress, FlowCommand.Cancel, language), language);
                case AnswerKind.Fixed:
                    return FromFlow(state, flow, runner.EndResolved(flow, progress, language, works: true), language);
                case AnswerKind.Done:
                    return FromFlow(state, flow, runner.EndResolved(flow, progress, language, works: false), language);
            }
        }
        if (KnowledgeBase.Dialogue.Commands.Parse(text) is var command and not FlowCommand.None)
        {
            return FromFlow(state, flow, runner.Command(flow, progress, command, language), language);
        }
        if (ChoiceMatcher.ByWords(step.Choices, text) is { } named)
        {
            return FromFlow(state, flow, runner.Choose(flow, progress, named, language), language);
        }
        // "can I talk to an admin please" holds a "please", but it asks for a person, which matters more than any step.
        if (answerer.AsksForPerson(text))
        {
            return Handoff(state, language);
        }

        var expected = step.Choices.SelectMany(c => c.Means).Append(AnswerKind.Unsure).Distinct().ToList();
        if (step.ExpectsPaste)
        {
            expected.AddRange([AnswerKind.Same, AnswerKind.Different, AnswerKind.StillFailing, AnswerKind.Yes]);
        }
        // "not sure, where do I see the registered key?" is a question, though it starts like an answer.
        var kind = QuestionWords.IsQuestion(text) ? null : Reader.Read(text, expected, [AnswerKind.Fixed, AnswerKind.Done, AnswerKind.StillFailing]);
        if (kind is { } read && ChoiceMatcher.ByKind(step.Choices, read) is { } meant)
        {
            return FromFlow(state, flow, runner.Choose(flow, progress, meant, language), language);
        }
        switch (kind)
        {
            case AnswerKind.Fixed:
                return FromFlow(state, flow, runner.EndResolved(flow, progress, language, works: true), language);
            case AnswerKind.Done:
                return FromFlow(state, flow, runner.EndResolved(flow, progress, language, works: false), language);
            case AnswerKind.StillFailing:
                return FromFlow(state, flow, runner.Command(flow, progress, FlowCommand.Skip, language), language);
            // At a paste step "same" / "different" stand for the output only when said plainly ("同じでした"); a sentence is a question.
            case AnswerKind.Same when step.ExpectsPaste && Reader.Score(text, AnswerKind.Same) >= PlainAnswer:
                return FromFlow(state, flow, runner.Outcome(flow, progress, problem: false, language), language);
            case AnswerKind.Different when step.ExpectsPaste && Reader.Score(text, AnswerKind.Different) >= PlainAnswer:
                return FromFlow(state, flow, runner.Outcome(flow, progress, problem: true, language), language);
            case AnswerKind.Unsure when step.ExpectsPaste:
                return FromFlow(state, flow, runner.Nudge(flow, progress, language, Phrases.Get("unsure-paste", language)), language);
            case AnswerKind.Yes when step.ExpectsPaste:
                return FromFlow(state, flow, runner.Nudge(flow, progress, language, Phrases.Get("paste-hint", language)), language);
            case AnswerKind.Unsure:
                return FromFlow(state, flow, runner.Prompt(flow, progress, language), language);
        }

        if (runner.ReadPaste(flow, progress, text, language) is { } read2)
        {
            return FromFlow(state, flow, read2, language);
        }
        if (ChangeOfMind(flow, progress, text) is { } change)
        {
            var preface = Phrases.Get("flow-changed-mind", language, ("choice", change.Choice.Label.For(language)));
            return FromFlow(state, flow, runner.Choose(flow, change.Progress, change.Choice, language, preface), language);
        }
        return Aside(state, flow, progress, text, language);
    }

    /// <summary>"やっぱり Windows でした", "actually I'm on linux": a choice of an earlier step names what the user now says.</summary>
    private static (FlowProgress Progress, FlowChoice Choice)? ChangeOfMind(FlowDefinition flow, FlowProgress progress, string text)
    {
        // "how do I open powershell?" names a choice too, but asks something; it is not a change of mind.
        if (text.TrimEnd().EndsWith('?') || text.TrimEnd().EndsWith('？'))
        {
            return null;
        }
        for (var i = progress.History.Count - 1; i >= 0; i--)
        {
            if (flow.Find(progress.History[i]) is { Choices.Count: > 0 } earlier && ChoiceMatcher.ByWords(earlier.Choices, text) is { } choice)
            {
                var taken = i + 1 < progress.History.Count ? progress.History[i + 1] : progress.StepId;
                return choice.Next == taken ? null : (progress with { StepId = earlier.Id, History = progress.History.Take(i).ToList() }, choice);
            }
        }
        return null;
    }

    /// <summary>Input during a flow that does not answer the step: a paste for another step, a question, a request for a person.</summary>
    private (BotReply, ConversationState) Aside(ConversationState state, FlowDefinition flow, FlowProgress progress, string text, Language language)
    {
        var answer = answerer.Answer(text, language);
        var intent = answer.Classification.Intent;
        if (intent == HumanHandoffIntent || (answer.Findings.Count == 0 && answerer.AsksForPerson(text)))
        {
            return Handoff(state, language);
        }
        if (answer.Findings.Count > 0)
        {
            var recorded = progress with { Findings = progress.Findings.Concat(answer.Findings).ToList() };
            var prompt = runner.Nudge(flow, recorded, language, FindingsText.Render(answer.Findings, language, Phrases.Get("findings-heading", language)));
            return FromFlow(state, flow, prompt, language, answer.Findings);
        }
        // In the middle of the checks only a real question gets an answer of its own; "I pasted it above" is not one.
        var asked = QuestionWords.IsQuestion(text) || answer.Classification.Source == ClassificationSource.Pattern
            || answer.Classification.Confidence >= AsideConfidence;
        // A thank-you or a greeting mid-flow ("登録しなおしました" reads as one) is not a question: the step's buttons say what to answer.
        if (asked && !answer.Classification.IsOutOfScope && intent is not (GreetingIntent or ThanksIntent) && intent != FlowIntent(flow))
        {
            var stepTitle = flow.Title.For(language);
            var text2 = answer.Text.TrimEnd() + "\n\n" + Phrases.Get("continue-offer", language, ("step", stepTitle));
            var choices = new List<ReplyChoice>
            {
                new(new ContinueFlow(), Phrases.Get("back-to-checks", language)),
                new(new ControlFlow(FlowCommand.Cancel), Phrases.Get("stop-checks", language)),
            };
            var reply = answer with { Text = text2, Choices = choices, Flow = new FlowPosition(flow.Id, progress.StepId) };
            return (reply, state with { LastChoices = choices, Pending = new ContinueOffer(), Topic = intent });
        }
        var nudge = runner.Nudge(flow, progress, language, Phrases.Get("not-an-answer", language));
        return FromFlow(state, flow, nudge, language);
    }

    private (BotReply, ConversationState) NewQuestion(ConversationState state, string text, Language language)
    {
        var reply = answerer.Answer(text, language);
        if (reply.Classification.IsOutOfScope && state.Topic is { } topic && text.Length <= MaxFollowUpLength && !text.Contains('\n')
            && answerer.FollowsUp(text, topic))
        {
            var followUp = new BotReply(language, new Nlu.Classification(topic, reply.Classification.Confidence, [], ClassificationSource.Model),
                Phrases.Get("follow-up", language), [], []);
            return Answered(state, followUp, language, offerFlow: false);
        }
        if (reply.Classification.Intent == HumanHandoffIntent || (reply.Findings.Count == 0 && answerer.AsksForPerson(text)))
        {
            return Handoff(state, language);
        }
        // "ポートは指定していません" right after the connection answer: the same long answer again would not help.
        if (reply.Classification.Intent == state.Topic && reply.Findings.Count == 0 && reply.Classification.Source == ClassificationSource.Model
            && text.Length <= MaxFollowUpLength && !text.Contains('\n'))
        {
            var followUp = reply with { Text = Phrases.Get("follow-up", language), Choices = [] };
            return Answered(state, followUp, language);
        }
        return Answered(state, reply, language);
    }

    /// <summary>An intent's answer; one that has guided checks offers them, and the offer is then the bot's pending question.</summary>
    private (BotReply, ConversationState) Answered(ConversationState state, BotReply reply, Language language, bool offerFlow = true)
    {
        var intent = reply.Classification.Intent;
        var topic = reply.Classification.IsOutOfScope || intent is GreetingIntent or ThanksIntent ? state.Topic : intent;
        if (offerFlow && !reply.Classification.IsOutOfScope && KnowledgeBase.Find(intent)?.Flow?.Id is { } flowId && KnowledgeBase.Flows.ContainsKey(flowId))
        {
            var offer = new ReplyChoice(new StartFlow(flowId), Phrases.Get("offer-flow", language));
            reply = reply with
            {
                Text = reply.Text.TrimEnd() + "\n\n" + Phrases.Get("offer-flow-question", language),
                Choices = [offer, .. reply.Choices],
            };
            return (reply, state with { LastChoices = reply.Choices, Pending = new FlowOffer(flowId), Topic = topic });
        }
        return (reply, state with { LastChoices = reply.Choices, Topic = topic });
    }

    private (BotReply, ConversationState) Handoff(ConversationState state, Language language)
    {
        var reply = new BotReply(language, new Nlu.Classification(HumanHandoffIntent, 1f, [], ClassificationSource.Pattern),
            Phrases.Get("reach-a-person", language, ("contact", answerer.Contact(language))), [], [])
        {
            HandoffRequested = true,
            Flow = state.Flow is { } flow ? new FlowPosition(flow.FlowId, flow.StepId) : null,
        };
        return (reply, state with { LastChoices = [] });
    }

    private static (BotReply, ConversationState) Plain(ConversationState state, string text, Language language) =>
        (new BotReply(language, new Nlu.Classification(Answerer.BotIntent, 1f, [], ClassificationSource.Pattern), text, [], [])
        {
            Flow = state.Flow is { } flow ? new FlowPosition(flow.FlowId, flow.StepId) : null,
        }, state with { LastChoices = [] });

    private (BotReply, ConversationState) FromFlow(ConversationState state, FlowDefinition flow, FlowTurn turn, Language language,
        IReadOnlyList<Finding>? extraFindings = null)
    {
        var findings = extraFindings ?? turn.Findings;
        var classification = new Nlu.Classification(FlowIntent(flow), 1f, [], ClassificationSource.Flow);
        var reply = new BotReply(language, classification, turn.Text, turn.Choices, findings)
        {
            FlowEnded = turn.Ended,
            Flow = turn.Progress is { } at ? new FlowPosition(at.FlowId, at.StepId) : null,
        };
        return (reply, state with { Flow = turn.Progress, LastChoices = turn.Choices, Topic = FlowIntent(flow) });
    }

    private string FlowIntent(FlowDefinition flow) =>
        KnowledgeBase.Find(flow.Id) is not null ? flow.Id : KnowledgeBase.Intents.FirstOrDefault(i => i.Flow?.Id == flow.Id)?.Id ?? flow.Id;

    private bool HoldsPrivateKey(string text) =>
        text.Length >= 40 && answerer.Diagnose(text).Any(f => f.Intent == DiagnosticIntents.PrivateKeyExposed);
}
