using SshSupportBot.Channels;
using SshSupportBot.Common;
using Prometheus;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>The long-running bot: ASP.NET Core hosting the channel adapters around one turn handler.</summary>
internal static class BotServer
{
    /// <param name="progress">Where start-up messages (training, skipped files) go.</param>
    public static async Task<int> RunAsync(string[] args, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var runtime = BotRuntime.Start(builder.Configuration, progress);
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton(TimeProvider.System);
        // Stores chosen by configuration (SQLite or Redis); shutdown bounded so acknowledged turns can finish.
        builder.Services.AddStorage(runtime, ReviewSettings.From(builder.Configuration).FeedbackWindow);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownGrace.Timeout);
        ChannelRegistration.AddChannels(builder);
        var operations = OperationsSettings.From(builder.Configuration);
        if (operations.MetricsPort is { } metricsPort)
        {
            builder.Services.AddMetricServer(options =>
            {
                options.Port = (ushort)metricsPort;
                options.Hostname = operations.MetricsHost;
            });
        }
        // Feedback, review queue, hand-off and hot reload around the engine of the current model generation; metrics around all of it.
        builder.AddAdmin(runtime);
        // The time budget outermost, so an abandoned turn's apology is what the channels send.
        builder.Services.AddSingleton<TurnWatch>();
        builder.Services.AddSingleton<ITurnHandler>(services => new BudgetedTurnHandler(
            new MeteredTurnHandler(services.GetRequiredService<LearningTurnHandler>(), services.GetRequiredService<ILogger<MeteredTurnHandler>>()),
            services.GetRequiredService<TurnWatch>(), runtime.Bot.TurnBudget, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<BudgetedTurnHandler>>()));

        var app = builder.Build();
        app.MapOperations(runtime, operations);
        ChannelRegistration.MapChannels(app);

        await app.RunAsync(cancellationToken);
        return 0;
    }
}
