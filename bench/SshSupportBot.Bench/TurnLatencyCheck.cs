using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using SshSupportBot.Conversations;
using SshSupportBot.Flows;
using SshSupportBot.Hosting;
using SshSupportBot.Storage;
using SshSupportBot.Transcripts;

namespace SshSupportBot.Bench;

/// <summary>
/// Times whole conversation turns as the engine runs them (state loaded from and saved to SQLite, answers read,
/// flows moved on, no live gateway probe): every user line of the conversation transcripts, played in order.
/// </summary>
internal static class TurnLatencyCheck
{
    private const int Rounds = 20;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);

    public static (int Turns, double P50Ms, double P99Ms, double MaxMs) Run(string repositoryRoot)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:IntentsPath"] = Path.Combine(repositoryRoot, "intents") })
            .Build();
        using var services = BotComposition.ForCommand(new Progress<string>(), configuration);
        var runtime = services.GetRequiredService<BotRuntime>();
        var database = Path.Combine(Path.GetTempPath(), $"sshbot-bench-{Guid.NewGuid():N}.db");
        var store = new SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System);
        var engine = new ConversationEngine(runtime.Answerer, new FlowRunner(runtime.Diagnostician, runtime.KnowledgeBase.Dialogue.Phrases), store, TimeProvider.System);
        var conversations = Directory.GetFiles(Path.Combine(repositoryRoot, "tests", "SshSupportBot.Tests", "Transcripts"), "*.transcript")
            .Concat(Directory.GetFiles(Path.Combine(repositoryRoot, "intents", "tests"), "*.transcript"))
            .Select(Transcript.Parse)
            .Select(t => t.Lines.Where(l => l.Kind == "user" && !l.Text.StartsWith('[')).Select(l => l.Text).ToList())
            .ToList();

        var clock = Stopwatch.StartNew();
        var round = 0;
        while (clock.Elapsed < WarmUp)
        {
            Play(engine, conversations, $"warm{round++}", null);
        }
        var timings = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            Play(engine, conversations, $"r{i}", timings);
        }
        timings.Sort();
        return (timings.Count, Percentile(timings, 0.50), Percentile(timings, 0.99), timings[^1]);
    }

    private static void Play(ConversationEngine engine, List<List<string>> conversations, string prefix, List<double>? timings)
    {
        for (var c = 0; c < conversations.Count; c++)
        {
            var turn = 0;
            foreach (var text in conversations[c])
            {
                var started = Stopwatch.GetTimestamp();
                engine.HandleAsync(new IncomingMessage("bench", $"{prefix}-{c}", "U", text, $"{prefix}-{c}-{turn++}"), CancellationToken.None).GetAwaiter().GetResult();
                timings?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>The repository (the folder holding SshSupportBot.sln) above where we run or were built.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SshSupportBot.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("Run the benchmark inside the repository (SshSupportBot.sln not found).");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
