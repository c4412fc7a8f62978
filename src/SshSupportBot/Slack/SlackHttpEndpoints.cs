using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SshSupportBot.Slack;

/// <summary>The Events API, slash command and interactivity endpoints: verify the signature over the raw body, acknowledge, queue.</summary>
internal static class SlackHttpEndpoints
{
    // Slack's payloads are small; anything larger is not Slack.
    private const int MaxBodyBytes = 1 << 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/events", EventsAsync);
        app.MapPost("/slack/commands", CommandsAsync);
        app.MapPost("/slack/interactivity", InteractivityAsync);
    }

    private static async Task<IResult> EventsAsync(HttpContext context, SlackOptions options, SlackInbox inbox, TimeProvider time, ILoggerFactory loggers)
    {
        var body = await VerifiedBodyAsync(context, options, time, loggers);
        if (body is null)
        {
            return Results.Unauthorized();
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
        return Acknowledge(await inbox.AcceptAsync(new SlackInboundPayload.Event(envelope), null, context.RequestAborted));
    }

    private static async Task<IResult> CommandsAsync(HttpContext context, SlackOptions options, SlackInbox inbox, TimeProvider time, ILoggerFactory loggers)
    {
        var body = await VerifiedBodyAsync(context, options, time, loggers);
        if (body is null)
        {
            return Results.Unauthorized();
        }
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var slash = SlashCommand.FromForm(form);
        var result = await inbox.AcceptAsync(new SlackInboundPayload.Command(slash), null, context.RequestAborted);
        if (result == InboxResult.Unavailable)
        {
            return Acknowledge(result);
        }
        var immediate = result == InboxResult.Queued ? SlackHelp.Working : SlackHelp.Usage;
        return Results.Json(new { response_type = "ephemeral", text = immediate.Text, blocks = immediate.Blocks }, SlackJson.Options);
    }

    private static async Task<IResult> InteractivityAsync(HttpContext context, SlackOptions options, SlackInbox inbox, TimeProvider time, ILoggerFactory loggers)
    {
        var body = await VerifiedBodyAsync(context, options, time, loggers);
        if (body is null)
        {
            return Results.Unauthorized();
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
        return Acknowledge(await inbox.AcceptAsync(new SlackInboundPayload.Interaction(payload), null, context.RequestAborted));
    }

    // An event the store could not claim is refused, so Slack delivers it again instead of it being answered twice or lost.
    private static IResult Acknowledge(InboxResult result) =>
        result == InboxResult.Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();

    /// <summary>The raw body when the signature holds; null (and a log line without the body) when it does not.</summary>
    private static async Task<byte[]?> VerifiedBodyAsync(HttpContext context, SlackOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        var request = context.Request;
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.ToArray();
        var check = SlackSignature.Verify(options.SigningSecret!, request.Headers[SlackSignature.TimestampHeader], request.Headers[SlackSignature.SignatureHeader], body, time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            loggers.CreateLogger(typeof(SlackHttpEndpoints)).LogWarning("Slack request to {Path} refused: {SignatureCheck}", request.Path.Value, check);
            return null;
        }
        return body;
    }
}
