using SshSupportBot.Languages;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;
using SshSupportBot.Intents;
using SshSupportBot.Storage;

namespace SshSupportBot.Cli;

/// <summary>
/// How long the bot's replies are, so a change that bloats answers shows up in <c>sshbot eval</c> (issue 14): the
/// knowledge base's first answers, facts and details, and every reply of the conversation transcripts replayed
/// without live probes. Length is in characters, as a reader on a phone meets them.
/// </summary>
internal static partial class ReplyLengthReport
{
    public const int FirstReplyTargetJa = 600;
    public const int FirstReplyTargetEn = 900;
    public const int LongReply = 1500;

    public sealed record Sample(string Source, Language Language, string Text)
    {
        public int Length => Text.Length;
    }

    public sealed record Row(string Source, Language Language, int Count, int Median, int P95, int Max, int OverTarget, int OverLong);

    public static IEnumerable<Sample> KnowledgeBase(KnowledgeBase knowledgeBase)
    {
        foreach (var intent in knowledgeBase.Intents)
        {
            foreach (var language in new[] { Language.Ja, Language.En })
            {
                yield return new Sample("answers", language, intent.Answer.For(language));
                foreach (var fact in intent.Facts)
                {
                    yield return new Sample("facts", language, fact.Answer.For(language));
                }
                if (intent.Details is { } details)
                {
                    yield return new Sample("details", language, details.For(language));
                }
            }
        }
    }

    /// <summary>
    /// Replays each transcript's user turns (typed text, <c>[Label]</c> button presses, <c>&lt;&lt;&lt;</c> pastes) and
    /// measures every reply. Expectations are not checked here; <c>sshbot test</c> does that.
    /// </summary>
    public static async Task<List<Sample>> TranscriptsAsync(BotRuntime runtime, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        var database = Path.Combine(Path.GetTempPath(), $"sshbot-lengths-{Guid.NewGuid():N}.db");
        try
        {
            var engine = runtime.CreateEngine(new SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System), TimeProvider.System);
            var turn = 0;
            foreach (var transcript in files.Select(Transcripts.Transcript.Parse))
            {
                BotReply? last = null;
                foreach (var line in transcript.Lines.Where(l => l.Kind == "user"))
                {
                    var message = new IncomingMessage("eval", transcript.Name, "eval", line.Text, $"eval-{turn++}");
                    if (ButtonPress().Match(line.Text) is { Success: true } press)
                    {
                        if (last?.Choices.FirstOrDefault(c => c.Label == press.Groups[1].Value) is not { } choice)
                        {
                            break;
                        }
                        message = message with { Text = choice.Label, Action = choice.Action };
                    }
                    foreach (var reply in await engine.HandleAsync(message, cancellationToken))
                    {
                        samples.Add(new Sample("transcripts", reply.Language, reply.Text));
                        last = reply;
                    }
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(path);
            }
        }
        return samples;
    }

    public static IReadOnlyList<Row> Summarize(IEnumerable<Sample> samples) =>
        samples.GroupBy(s => (s.Source, s.Language))
            .Select(g =>
            {
                var sorted = g.Select(s => s.Length).Order().ToArray();
                var target = g.Key.Language == Language.Ja ? FirstReplyTargetJa : FirstReplyTargetEn;
                return new Row(g.Key.Source, g.Key.Language, sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[^1],
                    sorted.Count(l => l > target), sorted.Count(l => l > LongReply));
            })
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Language)
            .ToList();

    /// <summary>Nearest-rank percentile: a value that really occurred, so "p95 = 1,412" is a reply someone got.</summary>
    public static int Percentile(int[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static void Print(IReadOnlyList<Row> rows)
    {
        var table = new Table().Title("Reply length in characters (first-reply target: ja 600, en 900)")
            .AddColumn(new TableColumn("source").NoWrap())
            .AddColumns("language", "replies", "median", "p95", "max", "over target", $"over {LongReply}");
        foreach (var row in rows)
        {
            table.AddRow(row.Source, row.Language.Code(), N(row.Count), N(row.Median), N(row.P95), N(row.Max), N(row.OverTarget), N(row.OverLong));
        }
        AnsiConsole.Write(table);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[(.+)\]$")]
    private static partial Regex ButtonPress();
}
