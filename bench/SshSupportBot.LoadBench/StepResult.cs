namespace SshSupportBot.LoadBench;

/// <summary>One measured step: a fixed offered rate for a fixed time.</summary>
internal sealed record StepResult(
    int OfferedRate,
    double AchievedRate,
    int Sent,
    int Failed,
    int Replied,
    double AckP50Ms,
    double AckP99Ms,
    double ReplyP50Ms,
    double ReplyP99Ms)
{
    /// <summary>The bar: p99 acknowledgement under 50 ms, every event acknowledged, the offered rate kept up.</summary>
    public bool Sustained => AckP99Ms < 50 && Failed == 0 && AchievedRate >= OfferedRate * 0.95;
}
