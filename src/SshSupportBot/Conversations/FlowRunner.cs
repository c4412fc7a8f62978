using SshSupportBot.Flows;
using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Dialogue;
using SshSupportBot.Intents;

namespace SshSupportBot.Conversations;

/// <summary>
/// Interprets flows: enters steps, reads pastes through the analyzers and branches on what they found. Pure apart
/// from the analyzers: the engine decides what a turn means, loads and saves the progress.
/// </summary>
internal sealed class FlowRunner(Diagnostician diagnostician, BotPhrases phrases)
{
    private const int MaxStepsPerTurn = 20;

    public FlowTurn Start(FlowDefinition flow, Language language, string? preface = null)
    {
        var progress = new FlowProgress(flow.Id, flow.Version, flow.Start, [], []);
        return Enter(flow, progress, flow.Start, language, preface, []);
    }

    /// <summary>The current step again, for input that was not for the flow.</summary>
    public FlowTurn Prompt(FlowDefinition flow, FlowProgress progress, Language language, string? preface = null)
    {
        var step = flow.Find(progress.StepId)!;
        var text = new StringBuilder();
        Append(text, preface);
        Append(text, step.Say?.For(language));
        if (step.ExpectsPaste)
        {
            Append(text, phrases.Get("paste-hint", language));
        }
        return new FlowTurn(text.ToString(), ChoicesFor(step, language), progress, [], null, language);
    }

    /// <summary>A short word and the step's buttons, without repeating the step's whole text.</summary>
    public FlowTurn Nudge(FlowDefinition flow, FlowProgress progress, Language language, string text) =>
        new(text, ChoicesFor(flow.Find(progress.StepId)!, language), progress, [], null, language);

    public FlowTurn Command(FlowDefinition flow, FlowProgress progress, FlowCommand command, Language language)
    {
        var step = flow.Find(progress.StepId)!;
        switch (command)
        {
            case FlowCommand.Cancel:
                return new FlowTurn(phrases.Get("flow-cancelled", language), [], null, [], FlowEnd.Unresolved, language);
            case FlowCommand.StartOver:
                return Start(flow, language, phrases.Get("flow-start-over", language));
            case FlowCommand.Back when progress.History.Count > 0:
                var previous = progress.History[^1];
                return Prompt(flow, progress with { StepId = previous, History = progress.History.Take(progress.History.Count - 1).ToList() }, language);
            case FlowCommand.Back:
                return Prompt(flow, progress, language, phrases.Get("flow-first-step", language));
            default:
                var skipTo = step.OnOk ?? step.Next ?? step.Choices.FirstOrDefault()?.Next;
                return skipTo is null ? Prompt(flow, progress, language) : Enter(flow, progress, skipTo, language, null, []);
        }
    }

    public FlowTurn Choose(FlowDefinition flow, FlowProgress progress, FlowChoice choice, Language language, string? preface = null) =>
        Enter(flow, progress, choice.Next, language, preface, []);

    /// <summary>Reads a paste at a step that asked for one; null when the analyzers recognise nothing in it.</summary>
    public FlowTurn? ReadPaste(FlowDefinition flow, FlowProgress progress, string text, Language language)
    {
        var step = flow.Find(progress.StepId)!;
        if (!step.ExpectsPaste)
        {
            return null;
        }
        var findings = diagnostician.Diagnose(text);
        if (findings.Count == 0)
        {
            return null;
        }
        var problem = findings.Any(f => f.Severity >= FindingSeverity.Warning);
        var recorded = progress with { Findings = progress.Findings.Concat(findings).ToList() };
        return Enter(flow, recorded, problem ? step.OnProblem! : step.OnOk!, language, FindingsText.Render(findings, language, phrases.Get("findings-heading", language)), findings);
    }

    /// <summary>The user typed what the paste would have shown ("同じでした", "they're different"): the step's ok or problem branch.</summary>
    public FlowTurn Outcome(FlowDefinition flow, FlowProgress progress, bool problem, Language language)
    {
        var step = flow.Find(progress.StepId)!;
        var next = problem ? step.OnProblem : step.OnOk;
        return next is null ? Prompt(flow, progress, language) : Enter(flow, progress, next, language, null, []);
    }

    /// <summary>The user says it works now, or that they have had enough: the flow's own resolved ending, or a short closing line.</summary>
    public FlowTurn EndResolved(FlowDefinition flow, FlowProgress progress, Language language, bool works)
    {
        var ending = flow.Steps.FirstOrDefault(s => s.End == FlowEnd.Resolved);
        var text = works && ending?.Say is { } say ? say.For(language) : phrases.Get(works ? "flow-closed-resolved" : "flow-closed-done", language);
        return new FlowTurn(text, [], null, [], FlowEnd.Resolved, language);
    }

    private FlowTurn Enter(FlowDefinition flow, FlowProgress progress, string stepId, Language language, string? preface, IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder();
        Append(text, preface);
        var history = progress.History.ToList();
        if (progress.StepId != stepId)
        {
            history.Add(progress.StepId);
        }
        for (var visited = 0; visited < MaxStepsPerTurn; visited++)
        {
            var step = flow.Find(stepId)!;
            Append(text, step.Say?.For(language));
            if (step.Summary)
            {
                Append(text, SummaryText(progress.Findings, language));
            }
            var here = progress with { StepId = stepId, History = history };
            if (step.End is { } end)
            {
                return new FlowTurn(text.ToString(), [], null, findings, end, language);
            }
            if (step.Waits)
            {
                if (step.ExpectsPaste)
                {
                    Append(text, phrases.Get("paste-hint", language));
                }
                return new FlowTurn(text.ToString(), ChoicesFor(step, language), here, findings, null, language);
            }
            // Steps passed through are not kept in the history: "back" must land on a step that waits.
            stepId = step.Next!;
        }
        throw new InvalidOperationException($"Flow '{flow.Id}' moved through {MaxStepsPerTurn} steps without waiting; it has a loop of 'next' steps.");
    }

    private IReadOnlyList<ReplyChoice> ChoicesFor(FlowStep step, Language language)
    {
        var choices = step.Choices.Select(c => new ReplyChoice(new ChooseOption(c.Value), c.Label.For(language))).ToList();
        if (step.ExpectsPaste)
        {
            choices.Add(new ReplyChoice(new ControlFlow(FlowCommand.Skip), phrases.Get("skip-check", language)));
            choices.Add(new ReplyChoice(new ControlFlow(FlowCommand.Cancel), phrases.Get("stop-checks", language)));
        }
        return choices;
    }

    private string SummaryText(IReadOnlyList<Finding> findings, Language language)
    {
        var problems = findings.Where(f => f.Severity >= FindingSeverity.Warning).ToList();
        if (problems.Count == 0)
        {
            return phrases.Get("summary-clean", language);
        }
        var text = new StringBuilder(phrases.Get("summary-problems", language));
        foreach (var finding in problems)
        {
            text.Append("\n- ").Append(Formatting.MarkdownLiteral.Quote(finding.Message.For(language)));
            if (finding.Fix is { } fix)
            {
                text.Append(" → `").Append(fix.Replace("\n", "; ")).Append('`');
            }
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string? part)
    {
        if (string.IsNullOrWhiteSpace(part))
        {
            return;
        }
        if (text.Length > 0)
        {
            text.Append("\n\n");
        }
        text.Append(part.TrimEnd());
    }
}
