using System.Text.RegularExpressions;
using SshSupportBot.Conversations;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Conversations;

public sealed partial class TranscriptTests
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.transcript").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Conversation_goes_as_the_transcript_says(string file)
    {
        var transcript = Transcript.Parse(Path.Combine(AppContext.BaseDirectory, "Transcripts", file));
        var database = Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}.db");
        var runtime = TrainedBot.Runtime;
        ConversationEngine NewEngine() => runtime.CreateEngine(
            new SshSupportBot.Storage.SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System), TimeProvider.System);

        var engine = NewEngine();
        BotReply? last = null;
        var turn = 0;
        foreach (var line in transcript.Lines)
        {
            var where = $"{file}:{line.Number}";
            switch (line.Kind)
            {
                case "restart":
                    engine = NewEngine();
                    break;
                case "user":
                    var text = line.Text;
                    TurnAction? action = null;
                    if (ButtonPress().Match(text) is { Success: true } press)
                    {
                        var label = press.Groups[1].Value;
                        var choice = last?.Choices.FirstOrDefault(c => c.Label == label)
                            ?? throw new Xunit.Sdk.XunitException($"{where}: the last reply has no button '{label}'. Its buttons: {string.Join(" | ", last?.Choices.Select(c => c.Label) ?? [])}");
                        text = choice.Label;
                        action = choice.Action;
                    }
                    var replies = await engine.HandleAsync(new IncomingMessage("test", transcript.Name, "U1", text, $"e{turn++}", action), CancellationToken.None);
                    last = Assert.Single(replies);
                    break;
                case "bot":
                    Check(where, line.Text, last ?? throw new Xunit.Sdk.XunitException($"{where}: 'bot:' before any 'user:' line."));
                    break;
            }
        }
    }

    private static void Check(string where, string expectation, BotReply reply)
    {
        var match = Expectation().Match(expectation);
        if (!match.Success)
        {
            throw new FormatException($"{where}: cannot read the expectation '{expectation}'.");
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
            _ => throw new FormatException($"{where}: unknown expectation '{kind}'."),
        };
        if (!ok)
        {
            throw new Xunit.Sdk.XunitException(
                $"{where}: expected {kind} {argument}\n" +
                $"but the bot replied (intent {reply.Classification.Intent}, language {reply.Language}, findings [{string.Join(", ", reply.Findings.Select(f => f.Code))}], " +
                $"buttons [{string.Join(" | ", reply.Choices.Select(c => c.Label))}]):\n{reply.Text}");
        }
    }

    [GeneratedRegex(@"^\[(.+)\]$")]
    private static partial Regex ButtonPress();

    [GeneratedRegex("^(intent|language|contains|lacks|choice|finding) (?:\"(.*)\"|(\\S+))$")]
    private static partial Regex Expectation();
}
