using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using SshSupportBot.Hosting;
using SshSupportBot.Storage;
using SshSupportBot.Transcripts;

namespace SshSupportBot.Cli;

/// <summary><c>sshbot test</c>: plays conversation tests written as transcripts and reports each file, like <c>rasa test</c> for stories.</summary>
internal static class TestCommand
{
    public const string DefaultFolder = "tests";

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Transcript files or folders of *.transcript files (default: intents/tests/). Format: 'user: text', 'user: [Button label]', " +
                "'user: <<<' … '>>>' for a multi-line paste, 'bot: intent ID|language ja|contains \"…\"|lacks \"…\"|choice \"…\"|finding CODE|step ID|ended resolved', 'restart', '# comment'.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("test", "Run conversation tests (transcripts) against the bot; exit 1 if any fails.") { paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
            var runtime = services.GetRequiredService<BotRuntime>();
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [Path.Combine(runtime.IntentsPath, DefaultFolder)];
            var files = new List<string>();
            foreach (var path in given)
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.GetFiles(path, "*.transcript", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    await Console.Error.WriteLineAsync($"sshbot test: '{path}' is neither a transcript file nor a folder.");
                    return 2;
                }
            }
            var database = Path.Combine(Path.GetTempPath(), $"sshbot-test-{Guid.NewGuid():N}.db");
            var runner = new TranscriptRunner(() => runtime.CreateEngine(new SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System), TimeProvider.System));
            var (passed, failed) = (0, 0);
            try
            {
                foreach (var file in files)
                {
                    IReadOnlyList<string> failures;
                    try
                    {
                        failures = await runner.RunAsync(Transcript.Parse(file), cancellationToken);
                    }
                    catch (FormatException e)
                    {
                        failures = [e.Message];
                    }
                    Console.WriteLine($"{(failures.Count == 0 ? "PASS" : "FAIL")} {file}");
                    foreach (var failure in failures)
                    {
                        Console.WriteLine("  " + failure.Replace("\n", "\n  "));
                    }
                    (passed, failed) = failures.Count == 0 ? (passed + 1, failed) : (passed, failed + 1);
                }
            }
            finally
            {
                DeleteDatabase(database);
            }
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 && files.Count > 0 ? 0 : 1;
        });
        return command;
    }

    private static void DeleteDatabase(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temporary file left behind is harmless; the test results are what matter.
            }
        }
    }
}
