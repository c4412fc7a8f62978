using SshSupportBot.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace SshSupportBot.Teams;

/// <summary>
/// Posts replies to the Bot Connector. Retries only answers that say the message was not taken (429, 502,
/// 503, 504) or a refused connection; a timeout or reset after sending may have delivered it, so it is not
/// re-sent: a lost reply is better than a doubled one.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, ConnectorTokenProvider tokens, ConnectorRetryPolicy policy, TimeProvider timeProvider, ILogger<ConnectorClient> logger)
{
    private static readonly HashSet<HttpStatusCode> Retryable =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <param name="withToken">Only for a serviceUrl that arrived on an authenticated activity: the token must never go elsewhere.</param>
    public async Task<bool> ReplyAsync(string serviceUrl, string conversationId, string? replyToId, Activity reply, bool withToken, CancellationToken cancellationToken)
    {
        var url = ReplyUrl(serviceUrl, conversationId, replyToId);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(reply, options: BotFrameworkJson.Options) };
            if (withToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            }
            TimeSpan? retryAfter;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
                Common.BotMetrics.ApiErrors.WithLabels("teams", "activities").Inc();
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Common.BotMetrics.RateLimited.WithLabels("teams", "activities").Inc();
                }
                if (!Retryable.Contains(response.StatusCode) || attempt >= policy.MaxAttempts)
                {
                    logger.LogError("The connector refused a reply in {ConversationId} with {StatusCode} after {Attempts} attempts",
                        conversationId, (int)response.StatusCode, attempt);
                    return false;
                }
                retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
                logger.LogWarning("The connector answered {StatusCode}; retrying reply in {ConversationId} (attempt {Attempt})",
                    (int)response.StatusCode, conversationId, attempt);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < policy.MaxAttempts)
            {
                retryAfter = null;
                logger.LogWarning("The connector refused the connection; retrying reply in {ConversationId} (attempt {Attempt})", conversationId, attempt);
            }
            await Task.Delay(policy.DelayFor(attempt, retryAfter), timeProvider, cancellationToken);
        }
    }

    public static Uri ReplyUrl(string serviceUrl, string conversationId, string? replyToId)
    {
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }
        return new Uri(new Uri(baseUrl, UriKind.Absolute), path);
    }
}
