using Prometheus;
using SshSupportBot.Channels;
using SshSupportBot.Common;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>The long-running bot: ASP.NET Core hosting the channel adapters around the composition root's turn handler.</summary>
internal static class BotServer
{
    /// <param name="progress">Where start-up messages (training, skipped files) go.</param>
    public static async Task<int> RunAsync(string[] args, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddBot(builder.Configuration, progress);
        builder.Services.AddIntentsReloader();
        // Shutdown bounded so acknowledged turns can finish.
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

        var app = builder.Build();
        // Load (or train) the model before listening, so the first user never waits for it and a broken knowledge base stops the start.
        var runtime = app.Services.GetRequiredService<BotRuntime>();
        // Likewise the SQLite database: a damaged file is reported and kept aside at start, not at the first message.
        app.Services.GetService<SqliteHealth>();
        app.MapOperations(runtime, operations);
        ChannelRegistration.MapChannels(app);

        await app.RunAsync(cancellationToken);
        return 0;
    }
}
