using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Conversations;

namespace SshSupportBot.Transcripts;

/// <summary>
/// Plays a transcript against the bot, turn by turn, and checks every <c>bot:</c> line against the last reply.
/// Used by <c>sshbot test</c> (admins' own conversation tests) and by the test suite.
/// </summary>
internal sealed partial class TranscriptRunner(Func<ITurnHandler> newEngine)
{
    /// <returns>The failures, each naming the file, line, expectation and what the bot really said; empty when the conversation went as written.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var engine = newEngine();
        BotReply? last = null;
        var turn = 0;
        var conversation = $"{transcript.Name}-{Guid.NewGuid():N}";
        foreach (var line in transcript.Lines)
        {
            var where = $"{transcript.Name}:{line.Number}";
            switch (line.Kind)
            {
                case "restart":
                    engine = newEngine();
                    break;
                case "user":
                    var text = line.Text;
                    TurnAction? action = null;
                    if (ButtonPress().Match(text) is { Success: true } press)
                    {
                        var label = press.Groups[1].Value;
                        if (last?.Choices.FirstOrDefault(c => c.Label == label) is not { } choice)
                        {
                            failures.Add($"{where}: the last reply has no button '{label}'. Its buttons: {string.Join(" | ", last?.Choices.Select(c => c.Label) ?? [])}");
                            return failures;
                        }
                        text = choice.Label;
                        action = choice.Action;
                    }
                    var replies = await engine.HandleAsync(new IncomingMessage("test", conversation, "U1", text, $"e{turn++}", action), cancellationToken);
                    last = replies.Count > 0 ? replies[^1] : null;
                    break;
                case "bot" when last is null:
                    failures.Add($"{where}: 'bot:' before any reply.");
                    break;
                case "bot":
                    if (Check(where, line.Text, last) is { } failure)
                    {
                        failures.Add(failure);
                    }
                    break;
            }
        }
        return failures;
    }

    private static string? Check(string where, string expectation, BotReply reply)
    {
        var match = Expectation().Match(expectation);
        if (!match.Success)
        {
            return $"{where}: cannot read the expectation '{expectation}'. Use intent, language, contains, lacks, choice, finding, step or ended.";
        }
        var (kind, argument) = (match.Groups[1].Value, match.Groups[3].Success ? match.Groups[3].Value : match.Groups[2].Value);
        var ok = kind switch
        {
            "intent" => reply.Classification.Intent == argument,
            "language" => reply.Language.ToString().Equals(argument, StringComparison.OrdinalIgnoreCase),
            "contains" => reply.Text.Contains(argument, StringComparison.Ordinal),
            "lacks" => !reply.Text.Contains(argument, StringComparison.Ordinal),
            "choice" => reply.Choices.Any(c => c.Label == argument),
            "finding" => reply.Findings.Any(f => f.Code == argument),
            "step" => argument == "none" ? reply.Flow is null : reply.Flow?.StepId == argument,
            "ended" => (reply.FlowEnded?.ToString() ?? "none").Equals(argument, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        return ok ? null :
            $"{where}: expected {kind} {argument}\n" +
            $"but the bot replied (intent {reply.Classification.Intent}, language {reply.Language}, step {reply.Flow?.StepId ?? "-"}, ended {reply.FlowEnded?.ToString() ?? "-"}, " +
            $"findings [{string.Join(", ", reply.Findings.Select(f => f.Code))}], buttons [{string.Join(" | ", reply.Choices.Select(c => c.Label))}]):\n{reply.Text}";
    }

    [GeneratedRegex(@"^\[(.+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ButtonPress();

    [GeneratedRegex("^(intent|language|contains|lacks|choice|finding|step|ended) (?:\"(.*)\"|(\\S+))$", RegexOptions.CultureInvariant)]
    private static partial Regex Expectation();
}
