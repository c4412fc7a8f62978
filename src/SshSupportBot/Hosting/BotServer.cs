using SshSupportBot.Admin;
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
        builder.Services.AddSingleton<IConversationStore>(services => runtime.CreateDefaultStore(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ITurnHandler>(services =>
            runtime.CreateEngine(services.GetRequiredService<IConversationStore>(), services.GetRequiredService<TimeProvider>()));
        ChannelRegistration.AddChannels(builder);
        // Admin (issue 8): feedback, review queue, hand-off and hot reload wrap the engine registered above.
        builder.AddAdmin(runtime);

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (BotModelHolder models) => AdminRegistration.Readiness(models));
        ChannelRegistration.MapChannels(app);

        await app.RunAsync(cancellationToken);
        return 0;
    }
}
