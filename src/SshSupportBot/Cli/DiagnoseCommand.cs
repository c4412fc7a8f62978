using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using SshSupportBot.Diagnostics;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class DiagnoseCommand
{
    /// <summary>Reading stops here; the answerer then keeps the beginning and the end of what was read.</summary>
    private const int MaxReadCharacters = 8 * PasteWindow.MaxCharacters;

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A file with the pasted ssh output; standard input when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (language, intent, confidence, alternatives, answer, findings)." };
        var command = new Command("diagnose", "Read pasted ssh output (an error, ssh -v, a permission listing…) and explain what is wrong and how to fix it.") { file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(file);
            if (source is not null && !source.Exists)
            {
                Console.Error.WriteLine($"diagnose: no such file: {source.FullName}");
                return 2;
            }
            using var reader = source is null ? Console.In : source.OpenText();
            var buffer = new char[MaxReadCharacters];
            var length = await CliWork.RunAsync(() => reader.ReadBlockAsync(buffer, cancellationToken).AsTask(), cancellationToken);
            var text = new string(buffer, 0, length);
            if (string.IsNullOrWhiteSpace(text))
            {
                Console.Error.WriteLine("diagnose: nothing to read. Paste the output into a file, or pipe it in: ssh -v user@host 2>&1 | sshbot diagnose");
                return 2;
            }
            var reply = await CliWork.RunAsync(() =>
            {
                using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
                var runtime = services.GetRequiredService<BotRuntime>();
                return runtime.Advisor.AdviseAsync(runtime.Answerer.Answer(text), cancellationToken);
            }, cancellationToken);
            Console.WriteLine(parse.GetValue(json) ? ReplyJson.Serialize(reply) : TerminalRenderer.Render(reply));
            return 0;
        });
        return command;
    }
}
