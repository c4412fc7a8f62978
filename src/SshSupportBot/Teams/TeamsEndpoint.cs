using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace SshSupportBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, map, enqueue, acknowledge. The turn itself runs in
/// <see cref="TeamsWorker"/> so the connector gets its answer well within its 15-second budget.
/// </summary>
internal static class TeamsEndpoint
{
    public const string Route = "/api/messages";
    private const long MaxBodyBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TeamsOptions options,
        BotFrameworkAuthenticator authenticator,
        TeamsWorkQueue queue,
        Storage.ITurnOutbox outbox,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoint).FullName!);
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        // A chunked body has no Content-Length; Kestrel enforces this limit while we read.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, BotFrameworkJson.Options, ct);
        }
        catch (JsonException)
        {
            activity = null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var authenticated = false;
        if (!options.AllowUnauthenticated)
        {
            var verdict = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
                activity?.ServiceUrl, activity?.ChannelId, ct);
            if (!verdict.Succeeded)
            {
                logger.LogWarning("Refused a Bot Framework request with {StatusCode}: {Reason}", verdict.StatusCode, verdict.Reason);
                return Results.StatusCode(verdict.StatusCode);
            }
            authenticated = true;
        }
        if (activity is null || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return Results.BadRequest();
        }

        var action = ActivityMapper.Map(activity);
        if (action is InboundAction.Ignore ignore)
        {
            logger.LogDebug("Ignoring activity {ActivityId} of type {ActivityType}: {Why}", activity.Id, activity.Type, ignore.Why);
            return InvokeOrAccepted(activity);
        }
        var item = new TeamsWorkItem(activity, action, authenticated);
        if (action is InboundAction.Turn turn && !string.IsNullOrEmpty(turn.Message.EventId))
        {
            // Claimed before the acknowledgement: while the store is down the connector is asked to re-send, never answered twice.
            Storage.OutboxClaim claim;
            try
            {
                claim = await outbox.ClaimAsync(Storage.OutboxRecord.KeyFor(turn.Message), TeamsOutboxChannel.Address(activity, authenticated), ct);
            }
            catch (Storage.StorageUnavailableException)
            {
                logger.LogWarning("Store unreachable; asking the connector to re-send activity {ActivityId}", activity.Id);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            if (claim.Decision is Storage.OutboxDecision.Done or Storage.OutboxDecision.InProgress)
            {
                logger.LogInformation("Skipping activity {ActivityId}: already answered ({Decision})", activity.Id, claim.Decision);
                return InvokeOrAccepted(activity);
            }
            item = item with { RecordedReplies = claim.Replies };
        }
        if (!queue.TryEnqueue(item))
        {
            logger.LogWarning("Work queue full; asking the connector to re-send activity {ActivityId}", activity.Id);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return InvokeOrAccepted(activity);
    }

    // Invokes are synchronous for the client: Teams shows an error on the card unless it gets an invoke response.
    private static IResult InvokeOrAccepted(Activity activity) =>
        activity.Type == "invoke" && activity.Name == ActivityMapper.AdaptiveCardActionInvoke
            ? Results.Json(new
            {
                statusCode = StatusCodes.Status200OK,
                type = "application/vnd.microsoft.activity.message",
                value = "OK",
            }, BotFrameworkJson.Options, statusCode: StatusCodes.Status200OK)
            : activity.Type == "invoke"
                ? Results.Ok()
                : Results.StatusCode(StatusCodes.Status202Accepted);
}
