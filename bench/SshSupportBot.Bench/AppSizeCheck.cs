using System.Diagnostics;
using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>
/// Times what the bot does at first start on a knowledge base of about 1,500 examples: 5-fold cross-validation
/// to choose the thresholds, then the final model. CLINC150 stands in for the knowledge base (10 per intent).
/// </summary>
internal static class AppSizeCheck
{
    private const int PerIntent = 10;
    private const int Folds = 5;

    public static (int Examples, double Seconds, double CpuSeconds, double CrossValidatedAccuracy) Run(TrainingParameters options, string dataDirectory)
    {
        var examples = ClincLoader.OosThreshold(dataDirectory).Train
            .GroupBy(e => e.Label)
            .SelectMany(g => g.Take(PerIntent))
            .ToList();
        var trainer = new IntentModelTrainer(options);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var heldOut = new CrossValidator(trainer).Predict(examples, Folds);
        var accuracy = (double)heldOut.Count(p => p.Ranked[0].Intent == p.Truth) / heldOut.Count;
        trainer.Train(examples);
        return (examples.Count, clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds, accuracy);
    }
}
