using System.Text;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Flows;

/// <summary>
/// Interprets flows: enters steps, matches choices, reads pastes through the analyzers and branches on what
/// they found. Pure apart from the analyzers: the caller loads and saves the progress.
/// </summary>
internal sealed class FlowRunner(Diagnostician diagnostician)
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
            Append(text, Hint(language));
        }
        return new FlowTurn(text.ToString(), ChoicesFor(step, language), progress, [], null, language);
    }

    /// <summary>Moves the flow on with the user's input, or returns null when the input is not an answer to the current step.</summary>
    public FlowTurn? Continue(FlowDefinition flow, FlowProgress progress, string text, Language language)
    {
        var step = flow.Find(progress.StepId)!;
        switch (FlowCommands.Parse(text))
        {
            case FlowCommand.Cancel:
                return new FlowTurn(language == Language.Ja
                        ? "確認を中止しました。ほかに質問があればどうぞ。"
                        : "I've stopped the checks. Ask me anything else whenever you like.",
                    [], null, [], FlowEnd.Unresolved, language);
            case FlowCommand.StartOver:
                return Start(flow, language, language == Language.Ja ? "最初からやり直します。" : "Starting over.");
            case FlowCommand.Back when progress.History.Count > 0:
                var previous = progress.History[^1];
                return Prompt(flow, progress with { StepId = previous, History = progress.History.Take(progress.History.Count - 1).ToList() }, language);
            case FlowCommand.Back:
                return Prompt(flow, progress, language, language == Language.Ja ? "これが最初の手順です。" : "This is the first step.");
            case FlowCommand.Skip:
                var skipTo = step.OnOk ?? step.Next ?? step.Choices.FirstOrDefault()?.Next;
                return skipTo is null ? null : Enter(flow, progress, skipTo, language, null, []);
        }

        var normalized = TextNormalizer.Normalize(text);
        var choice = step.Choices.FirstOrDefault(c => c.Value == text.Trim()
            || TextNormalizer.Normalize(c.Label.Ja) == normalized
            || TextNormalizer.Normalize(c.Label.En) == normalized
            || TextNormalizer.Normalize(c.Value) == normalized);
        if (choice is not null)
        {
            return Enter(flow, progress, choice.Next, language, null, []);
        }

        if (step.ExpectsPaste)
        {
            var findings = diagnostician.Diagnose(text);
            if (findings.Count == 0)
            {
                return null;
            }
            var problem = findings.Any(f => f.Severity >= FindingSeverity.Warning);
            var recorded = progress with { Findings = progress.Findings.Concat(findings).ToList() };
            return Enter(flow, recorded, problem ? step.OnProblem! : step.OnOk!, language, Diagnostics.FindingsText.Render(findings, language), findings);
        }
        return null;
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
                    Append(text, Hint(language));
                }
                return new FlowTurn(text.ToString(), ChoicesFor(step, language), here, findings, null, language);
            }
            // Steps passed through are not kept in the history: "back" must land on a step that waits.
            stepId = step.Next!;
        }
        throw new InvalidOperationException($"Flow '{flow.Id}' moved through {MaxStepsPerTurn} steps without waiting; it has a loop of 'next' steps.");
    }

    private static IReadOnlyList<ReplyChoice> ChoicesFor(FlowStep step, Language language)
    {
        var choices = step.Choices.Select(c => new ReplyChoice(c.Value, c.Label.For(language))).ToList();
        if (step.ExpectsPaste)
        {
            choices.Add(new ReplyChoice(FlowCommands.SkipValue, language == Language.Ja ? "この確認を飛ばす" : "Skip this check"));
            choices.Add(new ReplyChoice(FlowCommands.CancelValue, language == Language.Ja ? "確認をやめる" : "Stop the checks"));
        }
        return choices;
    }

    private static string Hint(Language language) => language == Language.Ja
        ? "_（出力をそのまま貼り付けてください。「スキップ」で次へ、「やめる」で中止、「戻る」で前の手順に戻ります）_"
        : "_(Paste the output as it is. Type \"skip\" to move on, \"cancel\" to stop, \"back\" to go back.)_";

    private static string SummaryText(IReadOnlyList<Finding> findings, Language language)
    {
        var problems = findings.Where(f => f.Severity >= FindingSeverity.Warning).ToList();
        if (problems.Count == 0)
        {
            return language == Language.Ja
                ? "*まとめ*: 貼り付けていただいた出力には問題が見つかりませんでした。"
                : "*Summary*: nothing you pasted showed a problem.";
        }
        var text = new StringBuilder(language == Language.Ja ? "*まとめ: 見つかった問題と直し方*" : "*Summary: what was found and how to fix it*");
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
