using System.Text.Json;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Admin;

/// <summary>The admin loop through the real program: a declined question is listed, assigned, and answered after retraining.</summary>
public sealed class ReviewCliTests : IDisposable
{
    private const string Question = "how do I set up an ssh tunnel for jupyter";

    private readonly string _root = Directory.CreateTempSubdirectory("sshbot-review-").FullName;

    public ReviewCliTests()
    {
        // Train (or load) the repository's model once, then start every process from a copy of it, so none trains from scratch.
        var runtime = TrainedBot.Runtime;
        CopyDirectory(RepositoryPaths.Intents, IntentsPath);
        CopyDirectory(runtime.DataPath, DataPath);
    }

    private string IntentsPath => Path.Combine(_root, "intents");

    private string DataPath => Path.Combine(_root, "data");

    private Dictionary<string, string> Environment => new() { ["Bot__IntentsPath"] = IntentsPath, ["Bot__DataDirectory"] = DataPath };

    [Fact]
    public async Task A_declined_question_is_listed_assigned_to_the_right_file_and_answered_after_retraining()
    {
        var chat = await CliRunner.RunAsync(["chat"], Question + "\n", Environment);
        Assert.Equal(0, chat.ExitCode);

        var list = await CliRunner.RunAsync(["review", "--list", "--json"], environment: Environment);
        Assert.Equal(0, list.ExitCode);
        using var queue = JsonDocument.Parse(list.Output);
        var item = Assert.Single(queue.RootElement.EnumerateArray());
        Assert.Equal(Question, item.GetProperty("text").GetString());
        Assert.Equal("en", item.GetProperty("language").GetString());
        Assert.Equal("Declined", item.GetProperty("reason").GetString());
        Assert.Equal(1, item.GetProperty("count").GetInt32());

        var file = Path.Combine(IntentsPath, "ssh-config.yaml");
        var before = File.ReadAllLines(file);
        var assign = await CliRunner.RunAsync(["review", "--assign", item.GetProperty("id").GetInt64().ToString(), "ssh-config"], environment: Environment);
        Assert.True(assign.ExitCode == 0, assign.Error);

        var after = File.ReadAllLines(file);
        Assert.Equal(before.Length + 1, after.Length);
        var added = Array.IndexOf(after, $"    - \"{Question}\"");
        Assert.True(added > 0, "the example is a new line in the en: list");
        Assert.Equal(before, after.Where((_, i) => i != added));
        Assert.Equal("[]", (await CliRunner.RunAsync(["review", "--list", "--json"], environment: Environment)).Output.Trim());

        var ask = await CliRunner.RunAsync(["ask", "--json", Question], environment: Environment);
        Assert.Equal("ssh-config", JsonDocument.Parse(ask.Output).RootElement.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task Dismissing_closes_the_question_without_touching_intents()
    {
        await CliRunner.RunAsync(["chat"], "what is the best pizza in tokyo\n", Environment);
        var id = JsonDocument.Parse((await CliRunner.RunAsync(["review", "--list", "--json"], environment: Environment)).Output)
            .RootElement.EnumerateArray().Single().GetProperty("id").GetInt64();

        var dismiss = await CliRunner.RunAsync(["review", "--dismiss", id.ToString()], environment: Environment);

        Assert.Equal(0, dismiss.ExitCode);
        Assert.Equal("[]", (await CliRunner.RunAsync(["review", "--list", "--json"], environment: Environment)).Output.Trim());
        var stats = await CliRunner.RunAsync(["stats", "--since", "1h", "--json"], environment: Environment);
        Assert.Equal(1, JsonDocument.Parse(stats.Output).RootElement.GetProperty("declined").GetInt32());
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (!file.EndsWith(".db", StringComparison.Ordinal) && !file.Contains(".db-", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still closing may hold a file; the temp directory is cleaned eventually.
        }
    }
}
