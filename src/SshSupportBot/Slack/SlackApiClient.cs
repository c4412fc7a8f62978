using SshSupportBot.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SshSupportBot.Slack;

/// <summary>
/// The Web API methods the bot uses. Retries only when Slack certainly did not take the request (HTTP 429, or no
/// connection was made), so a message is never posted twice.
/// </summary>
internal sealed class SlackApiClient(HttpClient http, SlackSettings options, TimeProvider time, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "slack";

    private readonly ChannelPacer _pacer = new(time, options.MessageInterval);

    public async Task<PostMessageResponse> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        await _pacer.WaitTurnAsync(channel, cancellationToken);
        return await CallAsync<PostMessageResponse>("chat.postMessage", BotToken(),
            new { channel, text = message.Text, blocks = message.Blocks, thread_ts = threadTs, unfurl_links = false, unfurl_media = false }, cancellationToken);
    }

    public async Task<PostMessageResponse> PostEphemeralAsync(string channel, string user, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        await _pacer.WaitTurnAsync(channel, cancellationToken);
        return await CallAsync<PostMessageResponse>("chat.postEphemeral", BotToken(),
            new { channel, user, text = message.Text, blocks = message.Blocks, thread_ts = threadTs }, cancellationToken);
    }

    public Task<PostMessageResponse> UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        CallAsync<PostMessageResponse>("chat.update", BotToken(), new { channel, ts, text = message.Text, blocks = message.Blocks }, cancellationToken);

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        CallAsync<AuthTestResponse>("auth.test", BotToken(), new { }, cancellationToken);

    public Task<ConnectionsOpenResponse> OpenConnectionAsync(CancellationToken cancellationToken) =>
        CallAsync<ConnectionsOpenResponse>("apps.connections.open",
            options.AppToken ?? throw new InvalidOperationException("Socket Mode needs an app-level token (Slack:AppToken, starting xapp-)."), new { }, cancellationToken);

    /// <summary>Replies through a slash command's or an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        var url = new Uri(responseUrl, UriKind.Absolute);
        // The URL comes from a payload; only Slack's hooks host (or the configured API host, for a local fake) gets our traffic.
        if (url.Host != "hooks.slack.com" && url.Host != options.ApiBaseUrl.Host)
        {
            throw new SlackApiException("response_url", "untrusted_response_url");
        }
        await SendAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { text = message.Text, blocks = message.Blocks, response_type = "ephemeral", replace_original = false }, options: SlackJson.Options),
        }, cancellationToken);
    }

    public async Task<T> CallAsync<T>(string method, string token, object body, CancellationToken cancellationToken) where T : SlackApiResponse
    {
        using var response = await SendAsync(method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiBaseUrl, method))
            {
                Content = JsonContent.Create(body, options: SlackJson.Options),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, cancellationToken);
        T? result;
        try
        {
            result = await response.Content.ReadFromJsonAsync<T>(SlackJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "invalid_response");
        }
        if (result is null)
        {
            throw new SlackApiException(method, "invalid_response");
        }
        if (!result.Ok)
        {
            Common.BotMetrics.ApiErrors.WithLabels("slack", method).Inc();
            throw new SlackApiException(method, result.Error ?? "unknown_error");
        }
        return result;
    }

    private async Task<HttpResponseMessage> SendAsync(string method, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using (var request = build())
            {
                try
                {
                    response = await http.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException e) when (attempt < options.MaxApiAttempts && NeverReachedSlack(e))
                {
                    var backoff = Backoff.Delay(attempt, options.ReconnectBaseDelay, TimeSpan.FromSeconds(10));
                    logger.LogWarning("Slack {Method} could not connect ({Error}); retrying in {Delay}", method, e.HttpRequestError, backoff);
                    await Task.Delay(backoff, time, cancellationToken);
                    continue;
                }
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Common.BotMetrics.RateLimited.WithLabels("slack", method).Inc();
                var retryAfter = RetryAfter(response);
                response.Dispose();
                if (attempt >= options.MaxApiAttempts)
                {
                    throw new SlackRateLimitedException(method, retryAfter);
                }
                logger.LogWarning("Slack {Method} rate limited; retrying after {RetryAfter}", method, retryAfter);
                await Task.Delay(retryAfter, time, cancellationToken);
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                Common.BotMetrics.ApiErrors.WithLabels("slack", method).Inc();
                response.Dispose();
                throw new SlackApiException(method, $"http_{status}");
            }
            return response;
        }
    }

    // Only failures before a connection existed prove the request was not sent; a timeout may come after Slack took it.
    private static bool NeverReachedSlack(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : delay;
    }

    private string BotToken() => options.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not set.");
}
