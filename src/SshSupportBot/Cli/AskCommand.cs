using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class AskCommand
{
    public static Command Create()
    {
        var text = new Argument<string[]>("text") { Description = "The question or pasted error (quote it, or pass several words).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the answer as one JSON object (language, intent, confidence, alternatives, answer, findings)." };
        var command = new Command("ask", "Answer one question, as the bot would in chat.") { text, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reply = await CliWork.RunAsync(() =>
            {
                using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
                var runtime = services.GetRequiredService<BotRuntime>();
                return runtime.Advisor.AdviseAsync(runtime.Answerer.Answer(string.Join(' ', parse.GetValue(text) ?? [])), cancellationToken);
            }, cancellationToken);
            Console.WriteLine(parse.GetValue(json) ? ReplyJson.Serialize(reply) : TerminalRenderer.Render(reply));
            return 0;
        });
        return command;
    }
}
