using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class ChatCommand
{
    public static Command Create()
    {
        var conversation = new Option<string?>("--conversation")
        {
            Description = "Continue (or start) the conversation with this id; the state survives restarts of the bot.",
        };
        var command = new Command("chat",
            "Chat with the bot in the terminal. When standard input is not a terminal, each line is one turn and each reply is printed.") { conversation };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = BotConfiguration.Build();
            var runtime = await CliWork.RunAsync(() => BotRuntime.Start(configuration, ConsoleProgress.Instance), cancellationToken);
            var engine = new BudgetedTurnHandler(
                AdminRegistration.CreateTurnHandler(runtime, configuration, runtime.CreateDefaultStore(TimeProvider.System), TimeProvider.System),
                new TurnWatch(TimeProvider.System), runtime.Bot.TurnBudget, TimeProvider.System, NullLogger<BudgetedTurnHandler>.Instance);
            var id = parse.GetValue(conversation) ?? Guid.NewGuid().ToString("N")[..8];
            var interactive = !Console.IsInputRedirected;
            if (interactive)
            {
                Console.WriteLine("SshSupportBot — ask about SSH access to the supercomputer, or paste an error. 日本語でもどうぞ。");
                Console.WriteLine($"(conversation {id}: resume it later with --conversation {id}; Ctrl-D to quit; paste several lines and end with an empty line)");
            }
            var turn = 0;
            // A read from a pipe that stays open never returns by itself; Ctrl-C and SIGTERM must still end the chat.
            while (await CliWork.RunAsync(() => ReadTurn(interactive), cancellationToken) is { } text)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }
                var message = new IncomingMessage("cli", id, Environment.UserName, text, $"{id}-{DateTimeOffset.UtcNow.Ticks}-{turn++}");
                foreach (var reply in await engine.HandleAsync(message, cancellationToken))
                {
                    Console.WriteLine(interactive ? "\n" + TerminalRenderer.Render(reply) : TerminalRenderer.Render(reply) + "\n");
                }
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// In a terminal, a paste arrives as several lines at once; they are read as one turn up to an empty line.
    /// From a script, each line is one turn.
    /// </summary>
    private static string? ReadTurn(bool interactive)
    {
        if (interactive)
        {
            Console.Write("\n> ");
        }
        var first = Console.In.ReadLine();
        if (first is null || !interactive)
        {
            return first;
        }
        var lines = new List<string> { first };
        while (Console.KeyAvailable && Console.In.ReadLine() is { } more && more.Length > 0)
        {
            lines.Add(more);
        }
        return string.Join('\n', lines);
    }
}
