using System.Text.Json;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Cli;

/// <summary>The <c>--json</c> output is a contract scripts rely on: names, types and ranges are asserted here.</summary>
public sealed class CliContractTests
{
    static CliContractTests()
    {
        // Train (or load) once before any process starts, so the processes only load the saved model.
        _ = TrainedBot.Runtime;
    }

    [Fact]
    public async Task Ask_json_returns_language_intent_confidence_alternatives_answer_and_findings()
    {
        var result = await CliRunner.RunAsync(["ask", "--json", "公開鍵はどこで登録すればいいですか"]);

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("ja", root.GetProperty("language").GetString());
        Assert.Equal("key-registration", root.GetProperty("intent").GetString());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("alternatives").ValueKind);
        Assert.All(root.GetProperty("alternatives").EnumerateArray(), a =>
        {
            Assert.False(string.IsNullOrEmpty(a.GetProperty("intent").GetString()));
            Assert.InRange(a.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        });
        Assert.Contains("公開鍵", root.GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("findings").ValueKind);
    }

    [Fact]
    public async Task Ask_json_says_out_of_scope_for_an_unrelated_question()
    {
        var result = await CliRunner.RunAsync(["ask", "--json", "what's the weather like in Mishima tomorrow"]);

        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("out-of-scope", document.RootElement.GetProperty("intent").GetString());
        Assert.Equal("en", document.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Classify_prints_one_json_line_per_input_line_including_json_lines()
    {
        var input = "こんにちは\n{\"text\": \"how do I create an ssh key pair\"}\n{\"nottext\": 1}\n";

        var result = await CliRunner.RunAsync(["classify"], input);

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("greeting", JsonDocument.Parse(lines[0]).RootElement.GetProperty("intent").GetString());
        Assert.Equal("key-generation", JsonDocument.Parse(lines[1]).RootElement.GetProperty("intent").GetString());
        Assert.Equal(3, JsonDocument.Parse(lines[2]).RootElement.GetProperty("line").GetInt32());
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Intents_validate_strict_fails_on_a_broken_knowledge_base_and_lenient_does_not()
    {
        using var intents = new IntentsDirectory();
        intents.WriteIntent("greeting", count: 2);

        var strict = await CliRunner.RunAsync(["intents", "validate", "--strict", "--path", intents.Path]);
        var lenient = await CliRunner.RunAsync(["intents", "validate", "--path", intents.Path]);

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("intents/greeting.yaml:7: error: intent 'greeting': only 2 Japanese examples; at least 15 are needed.", strict.Output);
        Assert.Equal(0, lenient.ExitCode);
    }

    [Fact]
    public async Task Every_command_explains_itself_with_help()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "chat", "ask", "classify", "train", "eval", "intents", "serve" })
        {
            Assert.Contains(command, result.Output);
        }
    }
}
