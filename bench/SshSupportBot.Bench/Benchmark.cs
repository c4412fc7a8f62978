using System.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>
/// Trains the app's own classifier on a dataset, chooses the out-of-scope threshold on validation with the app's
/// tuner, then scores the test split once while timing every query.
/// </summary>
internal sealed class Benchmark(TrainingParameters options)
{
    // Tiered JIT recompiles hot methods in the background some time after their first calls; a short warm-up
    // leaves that work (and its pauses) inside the timed loop, so warm up for a while, not for a count.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);

    public BenchmarkResult Run(Dataset dataset, IProgress<string> progress)
    {
        var trainer = new IntentModelTrainer(options);
        progress.Report($"{dataset.Name} ({dataset.Method}): training on {dataset.Train.Count} examples…");
        // CPU time beside wall time: on a shared machine the wall clock also counts other people's builds.
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var model = trainer.Train(dataset.Train);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var trainCpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;

        var policy = OutOfScopePolicy.AcceptAll;
        (double InScope, double? Oos)? validation = null;
        if (dataset.Validation is { } held)
        {
            progress.Report($"{dataset.Name} ({dataset.Method}): choosing the threshold on {held.Count} validation queries…");
            var predictions = held.Select(e => new HeldOutPrediction(e.Text, e.Label, model.Score(e.Text))).ToList();
            // Cost 0 maximises accuracy with out-of-scope as its own class: the CLINC150 protocol.
            policy = dataset.HasOutOfScope ? new ThresholdTuner(0f).Tune(predictions) : OutOfScopePolicy.AcceptAll;
            validation = Score(predictions.Select(p => (p.Truth, Decide(p.Ranked, policy))).ToList());
        }

        progress.Report($"{dataset.Name} ({dataset.Method}): scoring {dataset.Test.Count} test queries one at a time…");
        var (decisions, latencies, elapsed) = Time(model, policy, dataset.Train, dataset.Test);
        var test = Score(decisions);
        Array.Sort(latencies);
        return new BenchmarkResult(dataset.Name, dataset.Method, Describe(options), dataset.Train.Count, dataset.Test.Count,
            test.InScope, test.Oos, validation?.InScope, validation?.Oos, policy, trainSeconds, trainCpuSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), dataset.Test.Count / elapsed.TotalSeconds);
    }

    public static string Describe(TrainingParameters o) =>
        $"{o.Trainer} w{o.WordNgramLength} c{o.CharNgramLength} {o.Weighting} l2={o.L2Regularization?.ToString() ?? "default"} it={o.MaximumIterations?.ToString() ?? "default"}";

    /// <summary>Single-threaded, after a warm-up, each query timed alone: what one chat message costs.</summary>
    private static (List<(string Truth, string Predicted)> Decisions, double[] LatenciesMicroseconds, TimeSpan Elapsed) Time(
        IntentModel model, OutOfScopePolicy policy, IReadOnlyList<LabeledText> warmUp, IReadOnlyList<LabeledText> queries)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; warming.Elapsed < WarmUp; i++)
        {
            Decide(model.Score(warmUp[i % warmUp.Count].Text), policy);
        }
        var decisions = new List<(string, string)>(queries.Count);
        var latencies = new double[queries.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var predicted = Decide(model.Score(queries[i].Text), policy);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            decisions.Add((queries[i].Label, predicted));
        }
        return (decisions, latencies, total.Elapsed);
    }

    private static string Decide(IReadOnlyList<IntentScore> ranked, OutOfScopePolicy policy) =>
        policy.Accepts(ranked) ? ranked[0].Intent : IntentDefinition.OutOfScopeId;

    /// <summary>The paper's two metrics: an in-scope query declined as out-of-scope is an error.</summary>
    private static (double InScope, double? Oos) Score(IReadOnlyList<(string Truth, string Predicted)> decisions)
    {
        var inScope = decisions.Where(d => d.Truth != IntentDefinition.OutOfScopeId).ToList();
        var outOfScope = decisions.Where(d => d.Truth == IntentDefinition.OutOfScopeId).ToList();
        var accuracy = inScope.Count == 0 ? 0 : (double)inScope.Count(d => d.Predicted == d.Truth) / inScope.Count;
        double? recall = outOfScope.Count == 0 ? null : (double)outOfScope.Count(d => d.Predicted == IntentDefinition.OutOfScopeId) / outOfScope.Count;
        return (accuracy, recall);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
