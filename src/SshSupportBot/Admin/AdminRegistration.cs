using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>
/// Puts the admin features around the engine: the turn handler the channels see becomes <see cref="LearningTurnHandler"/>
/// over the current model generation, and the server watches intents/.
/// </summary>
internal static class AdminRegistration
{
    /// <summary>Registers <see cref="LearningTurnHandler"/>, the turn handler over the current model generation; the server wraps it.</summary>
    public static void AddAdmin(this WebApplicationBuilder builder, BotRuntime runtime)
    {
        var services = builder.Services;
        var admin = AdminSettings.From(builder.Configuration);
        var review = ReviewSettings.From(builder.Configuration);
        services.AddSingleton(admin);
        services.AddSingleton(review);
        services.AddSingleton(runtime.Bot);
        var storedText = new StoredText(review);
        services.AddSingleton(storedText);
        GateFeedbackStore(services, storedText);
        services.AddSingleton(sp => new BotModelHolder(IntentsReloader.Create(runtime, runtime.KnowledgeBase, runtime.Built,
            sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IConversationLock>())));
        services.AddSingleton<IHandoffNotifier>(sp => new AdminChannels(sp.GetKeyedServices<IHandoffNotifier>(AdminChannels.Key)));
        services.AddSingleton<IntentsReloader>();
        services.AddSingleton<IReloadTrigger>(sp => sp.GetRequiredService<IntentsReloader>());
        services.AddHostedService(sp => sp.GetRequiredService<IntentsReloader>());
        services.AddSingleton(sp => new ReviewActions(sp.GetRequiredService<IFeedbackStore>(), runtime.IntentsPath,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReviewActions>>()));
        var serverCheck = ServerCheckOptions.From(builder.Configuration, GatewayOptions.From(builder.Configuration));
        services.AddSingleton(serverCheck);
        services.AddSingleton(sp => new ServerCheck(serverCheck, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ServerCheck>>()));
        services.AddSingleton(sp => new AdminCommands(sp.GetRequiredService<IFeedbackStore>(), sp.GetRequiredService<ReviewActions>(),
            sp.GetService<IReloadTrigger>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AdminCommands>>(),
            sp.GetRequiredService<ServerCheck>()));
        services.AddSingleton<Handoff>();
        services.AddSingleton<LearningTurnHandler>();
    }

    /// <summary>Puts the redaction gate around whichever feedback store the storage registration chose, so no caller can write past it.</summary>
    private static void GateFeedbackStore(IServiceCollection services, StoredText storedText)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IFeedbackStore)) is not { } chosen)
        {
            return;
        }
        services.Remove(chosen);
        services.AddSingleton<IFeedbackStore>(sp => new RedactedFeedbackStore(
            chosen.ImplementationInstance as IFeedbackStore ?? (IFeedbackStore)chosen.ImplementationFactory!(sp), storedText));
    }

    /// <summary>The same handler for the terminal, without a server: no watcher and no admin channel.</summary>
    public static ITurnHandler CreateTurnHandler(BotRuntime runtime, IConfiguration configuration, IConversationStore conversations, TimeProvider time)
    {
        var review = ReviewSettings.From(configuration);
        var storedText = new StoredText(review);
        var feedback = new RedactedFeedbackStore(new SqliteFeedbackStore(runtime.ConversationDatabasePath, review.FeedbackWindow), storedText);
        var models = new BotModelHolder(IntentsReloader.Create(runtime, runtime.KnowledgeBase, runtime.Built, conversations, time));
        var actions = new ReviewActions(feedback, runtime.IntentsPath, time, NullLogger.Instance);
        var serverCheck = ServerCheckOptions.From(configuration, GatewayOptions.From(configuration));
        return new LearningTurnHandler(models, feedback, storedText, review, AdminSettings.From(configuration).ForLocalTerminal(),
            new AdminCommands(feedback, actions, null, time, NullLogger<AdminCommands>.Instance,
                new ServerCheck(serverCheck, time, NullLogger<ServerCheck>.Instance)),
            new Handoff(NoHandoffNotifier.Instance, conversations, storedText, runtime.Bot, NullLogger<Handoff>.Instance, serverCheck),
            time, NullLogger<LearningTurnHandler>.Instance);
    }
}
