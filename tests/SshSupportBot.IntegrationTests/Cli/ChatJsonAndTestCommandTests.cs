using System.Text.Json;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Cli;

/// <summary><c>chat --json</c> and <c>sshbot test</c> are contracts for scripts and admins: asserted through the real program.</summary>
public sealed class ChatJsonAndTestCommandTests
{
    static ChatJsonAndTestCommandTests()
    {
        _ = TrainedBot.Runtime;
    }

    [Fact]
    public async Task Chat_json_prints_one_object_per_turn_and_a_paste_between_markers_is_one_turn()
    {
        var input = "Permission denied (publickey) と出ます\nはい\nLinux\n<<<\n700 /home/taro\n\n755 /home/taro/.ssh\n644 /home/taro/.ssh/id_ed25519\n>>>\n直りました\n";

        var result = await CliRunner.RunAsync(["chat", "--json", "--conversation", $"json-{Guid.NewGuid():N}"], input);

        Assert.Equal(0, result.ExitCode);
        var turns = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, turns.Count);
        Assert.All(turns, t =>
        {
            Assert.Equal("ja", t.GetProperty("language").GetString());
            foreach (var name in new[] { "intent", "confidence", "flow", "step", "ended", "choices", "findings", "text" })
            {
                Assert.True(t.TryGetProperty(name, out _), $"missing '{name}'");
            }
        });
        Assert.Equal("platform", turns[1].GetProperty("step").GetString());
        Assert.Contains(turns[1].GetProperty("choices").EnumerateArray(), c => c.GetProperty("label").GetString() == "Linux" && c.GetProperty("value").GetString() == "1");
        Assert.Equal("perms-fix", turns[3].GetProperty("step").GetString());
        Assert.Contains(turns[3].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "private-key-mode");
        Assert.Equal("resolved", turns[4].GetProperty("ended").GetString());
        Assert.Equal(JsonValueKind.Null, turns[4].GetProperty("flow").ValueKind);
    }

    [Fact]
    public async Task Sshbot_test_reports_each_transcript_and_fails_when_one_fails()
    {
        var folder = Directory.CreateTempSubdirectory("sshbot-transcripts-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "good.transcript"), "user: can I talk to someone?\nbot: intent human-handoff\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.transcript"), "user: how do I make a key\nbot: intent host-key-changed\n");

        var result = await CliRunner.RunAsync(["test", folder]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PASS " + Path.Combine(folder, "good.transcript"), result.Output);
        Assert.Contains("FAIL " + Path.Combine(folder, "bad.transcript"), result.Output);
        Assert.Contains("bad:2: expected intent host-key-changed", result.Output);
        Assert.Contains("1 passed, 1 failed", result.Output);
    }
}
