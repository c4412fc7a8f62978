using System.Globalization;
using Microsoft.ML.Transforms.Text;
using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>
/// The command line. The classifier knobs default to the app's own <see cref="TrainingParameters"/>, so a plain
/// run measures exactly what the bot ships; the flags exist to compare variants.
/// </summary>
internal sealed record BenchArguments(
    IReadOnlyList<string> Datasets,
    string DataDirectory,
    bool Json,
    IReadOnlyList<string> ClincMethods,
    TrainingParameters Options)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/SshSupportBot.Bench -- <clinc150|banking77|all|app-size|turns> [options]

          app-size               times the bot's first-start training (5-fold CV + final model) on 1,500 CLINC150 examples
          turns                  times whole conversation turns (the transcripts' typed lines; SQLite state, no probe): p50, p99

          --json                 one JSON object per dataset configuration on standard output
          --data DIR             the benchmarks directory (default: ../shared/benchmarks from the repository root)
          --method M             CLINC150: oos-train, oos-threshold or both (default: both)
          --trainer T            sdca or lbfgs (default: the app's)
          --word N               word n-gram length
          --char N               character n-gram length
          --l2 X                 L2 regularisation
          --iterations N         maximum training iterations
          --weighting W          tf, idf or tfidf n-gram weighting
          --seed N               random seed
        """;

    public static BenchArguments Parse(string[] args)
    {
        var datasets = new List<string>();
        string? data = null;
        var json = false;
        var methods = new List<string> { "oos-train", "oos-threshold" };
        var options = new TrainingParameters();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--data": data = Value(); break;
                case "--method":
                    var method = Value();
                    methods = method == "both" ? ["oos-train", "oos-threshold"]
                        : method is "oos-train" or "oos-threshold" ? [method]
                        : throw new ArgumentException($"Unknown method '{method}': use oos-train, oos-threshold or both.");
                    break;
                case "--trainer":
                    options = options with
                    {
                        Trainer = Value() switch
                        {
                            "sdca" => ClassifierTrainer.SdcaMaximumEntropy,
                            "lbfgs" => ClassifierTrainer.LbfgsMaximumEntropy,
                            var other => throw new ArgumentException($"Unknown trainer '{other}': use sdca or lbfgs."),
                        },
                    };
                    break;
                case "--word": options = options with { WordNgramLength = Int(Value()) }; break;
                case "--char": options = options with { CharNgramLength = Int(Value()) }; break;
                case "--l2": options = options with { L2Regularization = float.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--iterations": options = options with { MaximumIterations = Int(Value()) }; break;
                case "--weighting":
                    options = options with
                    {
                        Weighting = Value() switch
                        {
                            "tf" => NgramExtractingEstimator.WeightingCriteria.Tf,
                            "idf" => NgramExtractingEstimator.WeightingCriteria.Idf,
                            "tfidf" => NgramExtractingEstimator.WeightingCriteria.TfIdf,
                            var other => throw new ArgumentException($"Unknown weighting '{other}': use tf, idf or tfidf."),
                        },
                    };
                    break;
                case "--seed": options = options with { Seed = Int(Value()) }; break;
                case "all": datasets.AddRange(["clinc150", "banking77"]); break;
                case "clinc150" or "banking77" or "app-size" or "turns": datasets.Add(args[i]); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (datasets.Count == 0)
        {
            throw new ArgumentException("Name a dataset: clinc150, banking77 or all.");
        }
        return new BenchArguments(datasets.Distinct().ToList(), data ?? DefaultDataDirectory(), json, methods, options);
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>The repository sits beside <c>shared/</c>; find its root from where we run or where we were built.</summary>
    private static string DefaultDataDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SshSupportBot.sln")))
                {
                    return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "benchmarks"));
                }
            }
        }
        throw new ArgumentException("Cannot find the repository root (SshSupportBot.sln); pass --data DIR.");
    }
}
