using Prometheus;

namespace SshSupportBot.Channels;

/// <summary>The shared inbox's metrics; the channel label comes from the work's <see cref="IOutboxChannel.Channel"/>.</summary>
internal static class InboxMetrics
{
    public static readonly Counter Accepted = Metrics.CreateCounter("sshbot_inbox_accepted_total",
        "Payloads handed to the inbox, by channel and result (queued, duplicate, full, unavailable).", "channel", "result");

    public static readonly Counter Failed = Metrics.CreateCounter("sshbot_inbox_failed_total",
        "Turns that threw and were answered with the apology, by channel.", "channel");

    public static readonly Gauge Waiting = Metrics.CreateGauge("sshbot_inbox_waiting", "Accepted turns not yet started.");
}
