using SshSupportBot.Conversations;
using SshSupportBot.Channels;
using SshSupportBot.Common;
using Prometheus;
using SshSupportBot.Slack;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>
/// <c>/healthz</c> (the process answers), <c>/readyz</c> (able to answer users) and, only when configured,
/// <c>/metrics</c> on the public listener (otherwise on the management port, <see cref="OperationsSettings.MetricsPort"/>).
/// </summary>
internal static class OperationsEndpoints
{
    public const string Health = "/healthz";
    public const string Ready = "/readyz";
    public const string MetricsPath = "/metrics";

    public static void MapOperations(this WebApplication app, BotRuntime runtime, OperationsSettings operations)
    {
        BotMetrics.ModelInfo.WithLabels(runtime.Built.Metadata.Version).Set(1);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        app.Use(async (context, next) =>
        {
            // Once stopping, new events are refused with 503 so Slack and the Bot Connector re-send them to a live
            // replica; the workers are only finishing what was already acknowledged.
            if (lifetime.ApplicationStopping.IsCancellationRequested && HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }
            await next(context);
        });
        app.MapGet(Health, () => Results.Text("ok"));
        app.MapGet(Ready, ReadyAsync);
        if (operations.MetricsOnPublicListener)
        {
            app.MapMetrics(MetricsPath);
        }
    }

    private static async Task<IResult> ReadyAsync(BotModelHolder models, IStorageHealth storage, IServiceProvider services, IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            problems.Add("shutting down");
        }
        if (await storage.ProblemAsync(cancellationToken) is { } storageProblem)
        {
            problems.Add(storageProblem);
        }
        if (services.GetService<TurnWatch>()?.Problem(services.GetRequiredService<BotRuntime>().Bot.StuckTurnLimit) is { } stuck)
        {
            problems.Add(stuck);
        }
        var socketMode = services.GetService<SlackSettings>() is { SocketMode: true } ? services.GetService<SocketModeStatus>() : null;
        if (socketMode is { OpenLinks: <= 0 })
        {
            problems.Add("slack socket mode link down");
        }
        var current = models.Current;
        var reload = models.LastReload;
        var body = new
        {
            status = problems.Count == 0 ? "ready" : "not ready",
            model = current.Metadata.Version,
            intents = current.KnowledgeBase.Intents.Count,
            macroF1 = Math.Round(current.Metadata.CrossValidatedMacroF1, 3),
            // Why the last change to intents/ was or was not taken: a refused reload keeps the bot ready on the last good model.
            reload = reload is null ? null : new { at = reload.At, swapped = reload.Swapped, summary = reload.Summary, problems = reload.Problems.Take(20) },
            storage = storage.Kind,
            storageNotice = storage.Notice,
            slackLinks = socketMode?.OpenLinks,
            problems,
        };
        return Results.Json(body, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
