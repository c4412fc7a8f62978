using Prometheus;

namespace SshSupportBot.Common;

/// <summary>The bot's Prometheus metrics, served at <c>/metrics</c>. Labels are bounded sets (channels, intents, API methods), never user data.</summary>
internal static class BotMetrics
{
    public static readonly Counter Messages = Metrics.CreateCounter("sshbot_messages_total", "Turns answered, by channel and intent.", "channel", "intent");

    public static readonly Counter OutOfScope = Metrics.CreateCounter("sshbot_out_of_scope_total", "Turns the classifier judged out of scope, by channel.", "channel");

    public static readonly Counter Handoffs = Metrics.CreateCounter("sshbot_handoffs_total", "Hand-offs to the human administrators (asked for, or a flow that ended in one), by channel.", "channel");

    public static readonly Counter AbandonedTurns = Metrics.CreateCounter("sshbot_turns_abandoned_total", "Turns abandoned past their time budget and answered with an apology, by channel.", "channel");

    public static readonly Gauge RunawayTurns = Metrics.CreateGauge("sshbot_runaway_turns", "Abandoned turns whose computation is still running.");

    public static readonly Counter StatelessTurns = Metrics.CreateCounter("sshbot_stateless_turns_total", "Turns answered without conversation state because storage was unreachable.");

    public static readonly Histogram ReplyLatency = Metrics.CreateHistogram("sshbot_reply_latency_seconds", "Time to produce a turn's reply, by channel.",
        new HistogramConfiguration
        {
            LabelNames = ["channel"],
            Buckets = Histogram.ExponentialBuckets(0.001, 2, 14),
        });

    public static readonly Counter ApiErrors = Metrics.CreateCounter("sshbot_channel_api_errors_total", "Slack / Bot Connector API calls that failed, by channel and method.", "channel", "method");

    public static readonly Counter RateLimited = Metrics.CreateCounter("sshbot_channel_api_rate_limited_total", "HTTP 429 answers from Slack / Bot Connector, by channel and method.", "channel", "method");

    public static readonly Counter SocketModeReconnects = Metrics.CreateCounter("sshbot_socket_mode_reconnects_total", "Socket Mode links opened after the first one of each slot.");

    public static readonly Gauge ModelInfo = Metrics.CreateGauge("sshbot_model_info", "The classifier model in use (value 1), labelled with its version.", "version");
}
