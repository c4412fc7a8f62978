using SshSupportBot.Cli;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>The long-running bot: ASP.NET Core hosting the channel adapters around one turn handler.</summary>
internal static class BotServer
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var runtime = BotRuntime.Start(builder.Configuration, ConsoleProgress.Instance);
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton(runtime.Answerer);
        builder.Services.AddSingleton(TimeProvider.System);
        // [prod] Stores chosen by configuration (SQLite or Redis), the turn handler metered, shutdown bounded.
        builder.Services.AddStorage(runtime);
        builder.Services.AddSingleton<ITurnHandler>(services => new MeteredTurnHandler(
            runtime.CreateEngine(services.GetRequiredService<IConversationStore>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IConversationLock>()),
            runtime.Bot, services.GetRequiredService<ILogger<MeteredTurnHandler>>()));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownGrace.Timeout);
        // [/prod]
        ChannelRegistration.AddChannels(builder);

        var app = builder.Build();
        app.MapOperations(runtime); // [prod] /healthz, /readyz, /metrics
        ChannelRegistration.MapChannels(app);

        await app.RunAsync(cancellationToken);
        return 0;
    }
}
