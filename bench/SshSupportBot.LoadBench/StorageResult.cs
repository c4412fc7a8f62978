namespace SshSupportBot.LoadBench;

/// <summary>The medians over several runs for one storage, and every step behind them.</summary>
internal sealed record StorageResult(
    string Storage,
    double SustainedEventsPerSecond,
    double AckP50Ms,
    double AckP99Ms,
    double ReplyP50Ms,
    double ReplyP99Ms,
    double ReplyRatio,
    double? PeakRssMiB,
    IReadOnlyList<IReadOnlyList<StepResult>> Runs);
