using Spectre.Console;
using SshSupportBot.Bench;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchArguments.Usage);
    return 0;
}
BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}
if (!Directory.Exists(arguments.DataDirectory))
{
    Console.Error.WriteLine($"No benchmark data in {arguments.DataDirectory}; pass --data DIR.");
    return 2;
}

// Redirected output gets Spectre's 80-column default, which folds the comparison table into unreadable cells.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}
var progress = new StderrProgress();
var benchmark = new Benchmark(arguments.Options);
foreach (var dataset in arguments.Datasets)
{
    if (dataset == "turns")
    {
        var turns = TurnLatencyCheck.Run(TurnLatencyCheck.RepositoryRoot());
        Console.WriteLine(FormattableString.Invariant(
            $"turns: {turns.Turns} conversation turns (no probe, SQLite state): p50 {turns.P50Ms:0.000} ms, p99 {turns.P99Ms:0.000} ms, max {turns.MaxMs:0.0} ms"));
        continue;
    }
    if (dataset == "app-size")
    {
        var check = AppSizeCheck.Run(arguments.Options, arguments.DataDirectory);
        Console.WriteLine(FormattableString.Invariant(
            $"app-size: {check.Examples} examples, 5-fold CV + final model in {check.Seconds:0.0} s ({check.CpuSeconds:0.0} s CPU); CV accuracy {check.CrossValidatedAccuracy * 100:0.0} %"));
        continue;
    }
    var configurations = dataset == "clinc150"
        ? arguments.ClincMethods.Select(m => m == "oos-train" ? ClincLoader.OosTrain(arguments.DataDirectory) : ClincLoader.OosThreshold(arguments.DataDirectory))
        : [BankingLoader.Load(arguments.DataDirectory)];
    var results = new List<BenchmarkResult>();
    foreach (var configuration in configurations)
    {
        var result = benchmark.Run(configuration, progress);
        results.Add(result);
        if (arguments.Json)
        {
            Console.WriteLine(JsonLine.Of(result));
        }
    }
    if (!arguments.Json)
    {
        AnsiConsole.Write(dataset == "clinc150" ? ResultTable.Clinc(results) : ResultTable.Banking(results[0]));
        foreach (var result in results)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(ResultTable.Details(result))}[/]");
        }
        AnsiConsole.WriteLine();
    }
}
return 0;
