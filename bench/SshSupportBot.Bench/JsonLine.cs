using System.Text.Json;

namespace SshSupportBot.Bench;

/// <summary>The <c>--json</c> contract: one object per dataset configuration, rates as fractions.</summary>
internal static class JsonLine
{
    public static string Of(BenchmarkResult r) => JsonSerializer.Serialize(new
    {
        dataset = r.Dataset,
        method = r.Method,
        variant = r.Variant,
        in_scope_accuracy = Math.Round(r.InScopeAccuracy, 5),
        oos_recall = r.OosRecall is { } recall ? Math.Round(recall, 5) : (double?)null,
        val_in_scope_accuracy = r.ValidationInScopeAccuracy is { } v ? Math.Round(v, 5) : (double?)null,
        val_oos_recall = r.ValidationOosRecall is { } o ? Math.Round(o, 5) : (double?)null,
        min_confidence = r.Policy.MinConfidence,
        min_margin = r.Policy.MinMargin,
        train_examples = r.TrainExamples,
        test_queries = r.TestQueries,
        train_seconds = Math.Round(r.TrainSeconds, 2),
        train_cpu_seconds = Math.Round(r.TrainCpuSeconds, 2),
        p50_us = Math.Round(r.P50Microseconds, 1),
        p99_us = Math.Round(r.P99Microseconds, 1),
        throughput_qps = Math.Round(r.ThroughputQps, 0),
    });
}
