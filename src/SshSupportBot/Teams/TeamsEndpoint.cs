using SshSupportBot.Channels;
using System.Text.Json;

namespace SshSupportBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, map, hand to the shared <see cref="ChannelInbox"/>, acknowledge. The turn itself
/// runs on the inbox's workers so the connector gets its answer well within its 15-second budget; a full inbox or an
/// unreachable store answers 503 and the connector sends the activity again.
/// </summary>
internal static class TeamsEndpoint
{
    public const string Route = "/api/messages";

    // Teams caps what a user can send far below this (about 28 KB per message); anything larger is not the connector.
    public const long MaxBodyBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        TeamsSettings options,
        BotFrameworkAuthenticator authenticator,
        ChannelInbox inbox,
        TeamsOutboxChannel channel,
        TeamsGreeting greeting,
        UnauthenticatedRequestGate gate,
        OperationsSettings limits,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var logger = loggers.CreateLogger(typeof(TeamsEndpoint).FullName!);
        var authorization = request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;
        if (!options.AllowUnauthenticated && !BotFrameworkAuthenticator.HasBearerToken(authorization))
        {
            logger.LogWarning("Refused a Bot Framework request before its body: no bearer token");
            return BoundedRequestBody.Refuse(context, StatusCodes.Status401Unauthorized);
        }
        using var lease = gate.TryEnter();
        if (lease is null)
        {
            logger.LogWarning("Refused a Bot Framework request: too many requests awaiting authentication");
            context.Response.Headers.RetryAfter = "1";
            return BoundedRequestBody.Refuse(context, StatusCodes.Status503ServiceUnavailable);
        }
        var (outcome, body) = await BoundedRequestBody.ReadAsync(context, MaxBodyBytes, limits.BodyReadTimeout);
        if (outcome != BodyReadOutcome.Read)
        {
            logger.LogWarning("Refused a Bot Framework request: body {Outcome}", outcome);
            return BoundedRequestBody.Refuse(context, outcome == BodyReadOutcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status408RequestTimeout);
        }
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options);
        }
        catch (JsonException)
        {
            // Not an activity (or a field of the wrong type): nothing to authenticate it against.
            return Results.BadRequest();
        }
        if (activity is null)
        {
            return Results.BadRequest();
        }

        var authenticated = false;
        if (!options.AllowUnauthenticated)
        {
            var verdict = await authenticator.AuthenticateAsync(authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken);
            if (!verdict.Succeeded)
            {
                logger.LogWarning("Refused a Bot Framework request with {StatusCode}: {Reason}", verdict.StatusCode, verdict.Reason);
                return Results.StatusCode(verdict.StatusCode);
            }
            authenticated = true;
        }
        lease.Dispose();
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return Results.BadRequest();
        }

        var action = ActivityMapper.Map(activity);
        if (action is InboundAction.Ignore ignore)
        {
            logger.LogDebug("Ignoring activity {ActivityId} of type {ActivityType}: {Why}", activity.Id, activity.Type, ignore.Why);
            return InvokeOrAccepted(activity);
        }
        InboxWork work = action switch
        {
            InboundAction.Turn turn => new InboxTurn(turn.Message, TeamsOutboxChannel.Address(activity, authenticated), channel),
            InboundAction.Greet greet => greeting.For(activity, greet.Members, authenticated),
            _ => throw new InvalidOperationException($"Unexpected inbound action {action.GetType().Name}"),
        };
        switch (await inbox.AcceptAsync(work, cancellationToken))
        {
            case InboxResult.Unavailable:
                logger.LogWarning("Store unreachable; asking the connector to re-send activity {ActivityId}", activity.Id);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case InboxResult.Full:
                logger.LogWarning("Inbox full; asking the connector to re-send activity {ActivityId}", activity.Id);
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
