using Microsoft.Extensions.DependencyInjection;
using SshSupportBot.Channels;
using SshSupportBot.Common;
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
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per turn: intent, confidence, language, flow, step, ended (resolved|unresolved|handoff|null), " +
                "choices (value = the number to type, label), findings, text.",
        };
        var command = new Command("chat",
            "Chat with the bot in the terminal. From a script (standard input not a terminal) each line is one turn; a line '<<<' starts a " +
            "multi-line paste (blank lines included) that ends at a line '>>>'. In a terminal, a paste is one turn (bracketed paste), " +
            "or type '<<<' … '>>>' the same way. Type a choice's number to pick it, +1 / -1 to rate an answer.") { conversation, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
            // Training can take a while; Ctrl-C and SIGTERM must still end the chat meanwhile.
            await CliWork.RunAsync(() => services.GetRequiredService<BotRuntime>(), cancellationToken);
            var engine = services.GetRequiredService<ITurnHandler>();
            var id = parse.GetValue(conversation) ?? Guid.NewGuid().ToString("N")[..8];
            var asJson = parse.GetValue(json);
            var interactive = !Console.IsInputRedirected;
            var input = new ChatInput(Console.In, interactive);
            if (interactive)
            {
                Console.WriteLine("SshSupportBot — ask about SSH access to the supercomputer, or paste an error. 日本語でもどうぞ。");
                Console.WriteLine($"(conversation {id}: resume it later with --conversation {id}; Ctrl-D to quit)");
                Console.Write(ChatInput.EnableBracketedPaste);
            }
            try
            {
                var turn = 0;
                while (true)
                {
                    if (interactive)
                    {
                        Console.Write("\n> ");
                    }
                    // A read from a pipe that stays open never returns by itself; Ctrl-C and SIGTERM must still end the chat.
                    if (await CliWork.RunAsync(input.ReadTurn, cancellationToken) is not { } text)
                    {
                        break;
                    }
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        continue;
                    }
                    var message = new IncomingMessage("cli", id, Environment.UserName, text, $"{id}-{DateTimeOffset.UtcNow.Ticks}-{turn++}");
                    foreach (var reply in await engine.HandleAsync(message, cancellationToken))
                    {
                        Console.WriteLine(asJson ? ChatTurnJson.Serialize(reply) : interactive ? "\n" + TerminalRenderer.Render(reply) : TerminalRenderer.Render(reply) + "\n");
                    }
                }
            }
            finally
            {
                if (interactive)
                {
                    Console.Write(ChatInput.DisableBracketedPaste);
                }
            }
            return 0;
        });
        return command;
    }
}
