using System.Diagnostics;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Cli;

/// <summary>Ctrl-C and SIGTERM end a command promptly, even when it waits on a pipe that stays open.</summary>
public sealed class CliSignalTests
{
    static CliSignalTests()
    {
        _ = TrainedBot.Runtime;
    }

    [Fact]
    public async Task Chat_fed_from_a_pipe_that_stays_open_ends_promptly_on_sigterm()
    {
        var database = Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}", "conversations.db");
        using var process = Process.Start(CliRunner.StartInfo(["chat"], new Dictionary<string, string> { ["Storage__Sqlite"] = database }))!;
        var firstReply = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => firstReply.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.StandardInput.WriteLineAsync("Permission denied (publickey)");
        await process.StandardInput.FlushAsync();
        await firstReply.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var ended = await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token).ContinueWith(t => t.IsCompletedSuccessfully);
        if (!ended)
        {
            process.Kill();
        }

        Assert.True(ended, "chat did not end on SIGTERM");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"chat took {stopping.Elapsed} to end on SIGTERM");
    }
}
