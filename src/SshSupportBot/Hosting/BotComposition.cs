using SshSupportBot.Dialogue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SshSupportBot.Admin;
using SshSupportBot.Channels;
using SshSupportBot.Common;
using SshSupportBot.Conversations;
using SshSupportBot.Probes;

namespace SshSupportBot.Hosting;

/// <summary>
/// The composition root: the one place the application is wired. The server adds its channels and endpoints on top
/// (<see cref="BotServer"/>); every command takes its objects from <see cref="ForCommand"/>, so a command sees the
/// same stores, settings and turn handler the server does.
/// </summary>
internal static class BotComposition
{
    /// <param name="progress">Where start-up messages (training, skipped files) go.</param>
    /// <param name="forceTraining">Retrain even when the saved model matches intents/ (<c>sshbot train</c>).</param>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, IProgress<string> progress, bool forceTraining = false)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        var files = BotFiles.From(configuration);
        services.AddSingleton(files);
        services.AddSingleton(configuration.Bot());
        services.AddSingleton(configuration.Classifier());
        services.AddProbes(configuration);
        services.AddSingleton<GatewayAdvisor>();
        // Built on first use: reading the feedback store must not load or train a model.
        services.AddSingleton(sp => BotRuntime.Start(configuration, sp.GetRequiredService<GatewayAdvisor>(), progress, forceTraining));
        // Stores chosen by configuration (SQLite or Redis), then the admin features around the engine, which gate the feedback store.
        services.AddStorage(configuration.Storage(), files, ReviewSettings.From(configuration).FeedbackWindow);
        services.AddAdmin(configuration);
        services.AddSingleton(sp => new PhraseSource(() => sp.GetRequiredService<BotModelHolder>().Current.KnowledgeBase.Dialogue.Phrases));
        // The time budget outermost, so an abandoned turn's apology is what the channels send; metrics inside it.
        services.AddSingleton<TurnWatch>();
        services.AddSingleton<ITurnHandler>(sp => new BudgetedTurnHandler(
            new MeteredTurnHandler(sp.GetRequiredService<LearningTurnHandler>(), sp.GetRequiredService<ILogger<MeteredTurnHandler>>()),
            sp.GetRequiredService<TurnWatch>(), sp.GetRequiredService<BotSettings>().TurnBudget, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BudgetedTurnHandler>>(), sp.GetRequiredService<PhraseSource>()));
        return services;
    }

    /// <summary>The application for one command: no server, no channels, no watcher. Disposing it closes the stores.</summary>
    public static ServiceProvider ForCommand(IProgress<string> progress, IConfiguration? configuration = null, bool forceTraining = false)
    {
        configuration ??= BotConfiguration.Build();
        var services = new ServiceCollection().AddBot(configuration, progress, forceTraining);
        // A command runs on the admin's own machine, with the data files at hand: whoever types there is the admin.
        services.Replace(ServiceDescriptor.Singleton(AdminSettings.From(configuration).ForLocalTerminal()));
        return services.BuildServiceProvider();
    }
}
