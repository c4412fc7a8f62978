using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Cli;

/// <summary>A scripted <c>chat</c> walks the publickey flow across two separate processes, as after a restart of the bot.</summary>
public sealed class ChatRestartTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}", "conversations.db");

    static ChatRestartTests()
    {
        _ = TrainedBot.Runtime;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(_database)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<CliRunner.Result> ChatAsync(string conversation, string input) =>
        CliRunner.RunAsync(["chat", "--conversation", conversation], input, new Dictionary<string, string> { ["Storage__Sqlite"] = _database });

    [Fact]
    public async Task The_english_publickey_flow_continues_in_a_new_process()
    {
        var first = await ChatAsync("restart-en", "Permission denied (publickey)\n1\n1\n");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("which computer do you log in from?", first.Output);
        Assert.Contains("stat -c", first.Output);

        var second = await ChatAsync("restart-en", "775 /home/taro\n");

        Assert.Contains("chmod go-w '/home/taro'", second.Output);
        Assert.Contains("Fixed, it works now", second.Output);
    }

    [Fact]
    public async Task The_japanese_publickey_flow_continues_in_a_new_process()
    {
        var first = await ChatAsync("restart-ja", "Permission denied (publickey) と出ます\n1\n2\n");

        Assert.Contains("ログインに使っている計算機を選んでください", first.Output);
        Assert.Contains("stat -f", first.Output);

        var second = await ChatAsync("restart-ja", "スキップ\n");

        Assert.Contains("② 鍵のペア", second.Output);
    }
}
