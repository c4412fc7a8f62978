namespace SshSupportBot.Slack;

/// <summary>Slack answered <c>ok:false</c> (or a non-success HTTP status); <see cref="Error"/> is Slack's error code, e.g. <c>channel_not_found</c>.</summary>
internal class SlackApiException(string method, string error, string? message = null)
    : Exception(message ?? $"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}

/// <summary>Slack kept answering HTTP 429 after the allowed retries.</summary>
internal sealed class SlackRateLimitedException(string method, TimeSpan retryAfter)
    : SlackApiException(method, "ratelimited", $"Slack {method} is rate limited; retry after {retryAfter.TotalSeconds:0} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
