using System.CommandLine;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class ChatCommand
{
    public static Command Create()
    {
        var command = new Command("chat",
            "Chat with the bot in the terminal. When standard input is not a terminal, each line is one turn and each reply is printed.");
        command.SetAction(_ =>
        {
            var runtime = BotRuntime.Start(BotConfiguration.Build(), ConsoleProgress.Instance);
            var interactive = !Console.IsInputRedirected;
            if (interactive)
            {
                Console.WriteLine("SshSupportBot — ask about SSH access to the supercomputer, or paste an error. 日本語でもどうぞ。 (Ctrl-D to quit)");
            }
            IReadOnlyList<ReplyChoice> choices = [];
            while (true)
            {
                if (interactive)
                {
                    Console.Write("\n> ");
                }
                var line = Console.In.ReadLine();
                if (line is null)
                {
                    break;
                }
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var text = int.TryParse(line.Trim(), out var number) && number >= 1 && number <= choices.Count
                    ? choices[number - 1].Value
                    : line;
                var reply = runtime.Answerer.Answer(text);
                choices = reply.Choices;
                Console.WriteLine(interactive ? "\n" + TerminalRenderer.Render(reply) : TerminalRenderer.Render(reply) + "\n");
            }
            return 0;
        });
        return command;
    }
}
