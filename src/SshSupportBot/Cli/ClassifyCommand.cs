using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Text.Json;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class ClassifyCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Accepted for symmetry with 'ask'; the output is always JSON lines." };
        var command = new Command("classify",
            "Classify one utterance per input line (plain text, or JSON lines with a \"text\" field); prints one JSON line per input.") { json };
        command.SetAction((_, cancellationToken) => CliWork.RunAsync(() => ClassifyLines(cancellationToken), cancellationToken));
        return command;
    }

    private static int ClassifyLines(CancellationToken cancellationToken)
    {
        using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
        var runtime = services.GetRequiredService<BotRuntime>();
        var lineNumber = 0;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested && Console.In.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!TryReadText(line, out var text, out var error))
            {
                failures++;
                Console.Error.WriteLine($"line {lineNumber}: {error}");
                Console.WriteLine(JsonSerializer.Serialize(new { line = lineNumber, error }, ReplyJson.Options));
                continue;
            }
            Console.WriteLine(ReplyJson.Serialize(runtime.Answerer.Answer(text)));
        }
        return failures == 0 ? 0 : 1;
    }

    private static bool TryReadText(string line, out string text, out string error)
    {
        error = "";
        text = line;
        if (!line.TrimStart().StartsWith('{'))
        {
            return true;
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("text", out var value)
                && value.ValueKind == JsonValueKind.String)
            {
                text = value.GetString() ?? "";
                return true;
            }
            error = "a JSON line needs a string field \"text\"";
            return false;
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({e.Message})";
            return false;
        }
    }
}
