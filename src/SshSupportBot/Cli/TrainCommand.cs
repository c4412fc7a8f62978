using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Globalization;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train the classifier from intents/ and choose its out-of-scope thresholds on held-out data.");
        command.SetAction(_ =>
        {
            using var services = BotComposition.ForCommand(ConsoleProgress.Instance, forceTraining: true);
            var runtime = services.GetRequiredService<BotRuntime>();
            var metadata = runtime.Built.Metadata;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained model {metadata.Version} on {metadata.Examples} examples of {metadata.Intents} intents; " +
                $"cross-validated accuracy {metadata.CrossValidatedAccuracy:P1}, macro-F1 {metadata.CrossValidatedMacroF1:F3}; " +
                $"declines below confidence {metadata.MinConfidence:F2} or margin {metadata.MinMargin:F2}. Saved to {runtime.DataPath}."));
            return 0;
        });
        return command;
    }
}
