using System.Diagnostics;
using System.Text;
using SshSupportBot.Tests.Support;
using SshSupportBot.Tests.Teams.Support;
using Xunit.Abstractions;

namespace SshSupportBot.Tests.Teams;

/// <summary>
/// A real third-party client against the real server: Microsoft's Web Chat in Debian's chromium, talking to
/// offline-directline, which POSTs activities to /api/messages and takes our replies on its service URL.
/// </summary>
public sealed class WebChatEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_web_chat_user_pastes_an_ssh_error_sees_the_answer_clicks_a_choice_and_then_more_to_see_a_table_card()
    {
        var e2e = E2ePaths.E2eDirectory();
        Assert.True(File.Exists(E2ePaths.Chromium),
            $"{E2ePaths.Chromium} is missing. Run tests/e2e/setup.sh (it installs Debian's chromium and the pinned npm packages).");
        Assert.True(Directory.Exists(Path.Combine(e2e, "node_modules", "offline-directline")) && Directory.Exists(Path.Combine(e2e, "node_modules", "botframework-webchat")),
            $"{Path.Combine(e2e, "node_modules")} is missing or incomplete. Run tests/e2e/setup.sh (npm ci from the committed package-lock.json).");

        using var knowledgeBase = TinyKnowledgeBase.Create();
        var port = LoopbackPorts.Free();
        var botUrl = $"http://127.0.0.1:{port}";
        var log = new StringBuilder();
        using var bot = Start("dotnet", [E2ePaths.BotAssembly(), "serve", "--urls", botUrl,
            "--Teams:AppId=e2e-local", "--Teams:AllowUnauthenticated=true",
            $"--Bot:IntentsPath={knowledgeBase.IntentsPath}", $"--Bot:DataDirectory={knowledgeBase.DataDirectory}",
            // Declines every typed question, so the first answer is "did you mean" with choice buttons.
            "--Classifier:MinConfidence=1.01", "--Classifier:SuggestionFloor=0"], log, "bot");
        try
        {
            // offline-directline crashes if the bot is not listening when the conversation starts.
            await WaitForHealthAsync(botUrl, bot, log);

            var screenshot = Path.Combine(e2e, "artifacts", "webchat-teams.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            File.Delete(screenshot);
            File.Delete(Path.Combine(e2e, "artifacts", "webchat-teams-failure.png"));
            // After the answer, "More" brings the details, whose table arrives as an Adaptive Card Table (issue 14).
            using var client = Start("node", [Path.Combine(e2e, "run-e2e.js"), "--bot", botUrl + "/api/messages", "--screenshot", screenshot,
                "--then-choice", "More", "--expect-then", "600 or 644"], log, "client");
            var exited = await WaitForExitAsync(client, ClientTimeout);

            output.WriteLine(log.ToString());
            Assert.True(exited, "The Web Chat client did not finish in time:\n" + log);
            Assert.True(client.ExitCode == 0, $"The Web Chat client failed with exit code {client.ExitCode}:\n{log}");
            Assert.True(File.Exists(screenshot), "No screenshot at " + screenshot);
            Assert.Contains("TEAMS AUTHENTICATION IS OFF", log.ToString());
            Assert.Contains("e2e: saw 600 or 644", log.ToString());
        }
        finally
        {
            Stop(bot);
        }
    }


    private static Process Start(string file, IEnumerable<string> arguments, StringBuilder log, string name)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {file}");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (log)
                {
                    log.Append('[').Append(name).Append("] ").AppendLine(line);
                }
            }
        }
    }

    private static async Task WaitForHealthAsync(string botUrl, Process bot, StringBuilder log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(bot.HasExited, "The bot exited during start:\n" + log);
            try
            {
                if ((await http.GetAsync(botUrl + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        Assert.Fail("The bot did not answer /healthz in time:\n" + log);
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            return false;
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
