using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>
/// What one configuration scored on its test split, plus the same figures on validation so that model choices
/// can be argued without looking at test.
/// </summary>
internal sealed record BenchmarkResult(
    string Dataset,
    string Method,
    string Variant,
    int TrainExamples,
    int TestQueries,
    double InScopeAccuracy,
    double? OosRecall,
    double? ValidationInScopeAccuracy,
    double? ValidationOosRecall,
    OutOfScopePolicy Policy,
    double TrainSeconds,
    double TrainCpuSeconds,
    double P50Microseconds,
    double P99Microseconds,
    double ThroughputQps);
