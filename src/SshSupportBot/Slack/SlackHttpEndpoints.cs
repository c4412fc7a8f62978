using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SshSupportBot.Slack;

/// <summary>The Events API, slash command and interactivity endpoints: verify the signature over the raw body, acknowledge, queue.</summary>
internal static class SlackHttpEndpoints
{
    // Well above what Slack sends (a message is at most 40,000 characters; as escaped JSON with its rich-text blocks,
    // or url-encoded in a form, a few hundred KB), so that anything larger is not Slack.
    public const int MaxEventBytes = 1 << 20;
    public const int MaxCommandBytes = 512 << 10;
    // An interaction carries the whole message it came from: up to 50 blocks of 3,000 characters, url-encoded.
    public const int MaxInteractionBytes = 2 << 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/events", EventsAsync);
        app.MapPost("/slack/commands", CommandsAsync);
        app.MapPost("/slack/interactivity", InteractivityAsync);
    }

    private static async Task<IResult> EventsAsync(HttpContext context, SlackSettings options, SlackIntake intake, TimeProvider time,
        UnauthenticatedRequestGate gate, OperationsSettings limits, ILoggerFactory loggers)
    {
        var (refusal, body) = await VerifiedBodyAsync(context, MaxEventBytes, options, time, gate, limits, loggers);
        if (refusal is not null)
        {
            return refusal;
        }
        EventsApiEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventsApiEnvelope>(body, SlackJson.Options);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (envelope is null)
        {
            return Results.BadRequest();
        }
        if (envelope.Type == "url_verification")
        {
            return Results.Json(new { challenge = envelope.Challenge });
        }
        return Acknowledge(await intake.AcceptAsync(new SlackInboundPayload.Event(envelope), null, context.RequestAborted));
    }

    private static async Task<IResult> CommandsAsync(HttpContext context, SlackSettings options, SlackIntake intake, TimeProvider time,
        UnauthenticatedRequestGate gate, OperationsSettings limits, PhraseSource phrases, ILoggerFactory loggers)
    {
        var (refusal, body) = await VerifiedBodyAsync(context, MaxCommandBytes, options, time, gate, limits, loggers);
        if (refusal is not null)
        {
            return refusal;
        }
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var slash = SlashCommand.FromForm(form);
        var result = await intake.AcceptAsync(new SlackInboundPayload.Command(slash), null, context.RequestAborted);
        if (IsRefused(result))
        {
            return Acknowledge(result);
        }
        var immediate = result == InboxResult.Queued ? SlackHelp.Working(phrases.Current) : SlackHelp.Usage(phrases.Current);
        return Results.Json(new { response_type = "ephemeral", text = immediate.Text, blocks = immediate.Blocks }, SlackJson.Options);
    }

    private static async Task<IResult> InteractivityAsync(HttpContext context, SlackSettings options, SlackIntake intake, TimeProvider time,
        UnauthenticatedRequestGate gate, OperationsSettings limits, ILoggerFactory loggers)
    {
        var (refusal, body) = await VerifiedBodyAsync(context, MaxInteractionBytes, options, time, gate, limits, loggers);
        if (refusal is not null)
        {
            return refusal;
        }
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var json) || string.IsNullOrEmpty(json))
        {
            return Results.BadRequest();
        }
        InteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<InteractionPayload>(json.ToString(), SlackJson.Options);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (payload is null)
        {
            return Results.BadRequest();
        }
        return Acknowledge(await intake.AcceptAsync(new SlackInboundPayload.Interaction(payload), null, context.RequestAborted));
    }

    // An event the store could not claim, or the full inbox did not take, is refused, so Slack delivers it again
    // instead of it being answered twice or lost.
    private static IResult Acknowledge(InboxResult result) =>
        IsRefused(result) ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();

    private static bool IsRefused(InboxResult result) => result is InboxResult.Unavailable or InboxResult.Full;

    /// <summary>
    /// The raw body when the signature holds, or the refusal. Headers are judged before a byte of the body is read,
    /// and only a bounded number of requests may be reading an unverified body at once.
    /// </summary>
    private static async Task<(IResult? Refusal, byte[] Body)> VerifiedBodyAsync(HttpContext context, long maxBytes, SlackSettings options, TimeProvider time,
        UnauthenticatedRequestGate gate, OperationsSettings limits, ILoggerFactory loggers)
    {
        var request = context.Request;
        var logger = loggers.CreateLogger(typeof(SlackHttpEndpoints));
        var timestamp = request.Headers[SlackSignature.TimestampHeader].ToString();
        var signature = request.Headers[SlackSignature.SignatureHeader].ToString();
        var headers = SlackSignature.CheckHeaders(timestamp, signature, time.GetUtcNow());
        if (headers != SignatureCheck.Valid)
        {
            logger.LogWarning("Slack request to {Path} refused before its body: {SignatureCheck}", request.Path.Value, headers);
            return (BoundedRequestBody.Refuse(context, StatusCodes.Status401Unauthorized), []);
        }
        using var lease = gate.TryEnter();
        if (lease is null)
        {
            logger.LogWarning("Slack request to {Path} refused: too many requests awaiting verification", request.Path.Value);
            context.Response.Headers.RetryAfter = "1";
            return (BoundedRequestBody.Refuse(context, StatusCodes.Status503ServiceUnavailable), []);
        }
        var (outcome, body) = await BoundedRequestBody.ReadAsync(context, maxBytes, limits.BodyReadTimeout);
        if (outcome != BodyReadOutcome.Read)
        {
            logger.LogWarning("Slack request to {Path} refused: body {Outcome}", request.Path.Value, outcome);
            return (BoundedRequestBody.Refuse(context, outcome == BodyReadOutcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status408RequestTimeout), []);
        }
        var check = SlackSignature.Verify(options.SigningSecret!, timestamp, signature, body, time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Slack request to {Path} refused: {SignatureCheck}", request.Path.Value, check);
            return (Results.Unauthorized(), []);
        }
        return (null, body);
    }
}
