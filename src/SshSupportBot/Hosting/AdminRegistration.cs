using Microsoft.Extensions.Configuration;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>
/// Puts the admin features around the engine: the turn handler the channels see becomes <see cref="LearningTurnHandler"/>
/// over the current model generation, with feedback, review, hand-off and admin commands.
/// </summary>
internal static class AdminRegistration
{
    public static void AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        var admin = AdminSettings.From(configuration);
        var review = ReviewSettings.From(configuration);
        services.AddSingleton(admin);
        services.AddSingleton(review);
        var storedText = new StoredText(review);
        services.AddSingleton(storedText);
        GateFeedbackStore(services, storedText);
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<BotRuntime>();
            return new BotModelHolder(IntentsReloader.Create(runtime, runtime.KnowledgeBase, runtime.Built,
                sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IConversationLock>()));
        });
        services.AddSingleton<IHandoffNotifier>(sp => new AdminChannels(sp.GetKeyedServices<IHandoffNotifier>(AdminChannels.Key)));
        services.AddSingleton(sp => new ReviewActions(sp.GetRequiredService<IFeedbackStore>(), sp.GetRequiredService<BotFiles>().IntentsPath,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReviewActions>>()));
        services.AddSingleton(ServerCheckSettings.From(configuration, GatewaySettings.From(configuration)));
        services.AddSingleton<ServerCheck>();
        services.AddSingleton(sp => new AdminCommands(sp.GetRequiredService<IFeedbackStore>(), sp.GetRequiredService<ReviewActions>(),
            sp.GetService<IReloadTrigger>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AdminCommands>>(),
            sp.GetRequiredService<ServerCheck>()));
        services.AddSingleton<Handoff>();
        services.AddSingleton<LearningTurnHandler>();
    }

    /// <summary>The server also watches intents/ and swaps in a retrained model; a command runs too briefly to need it.</summary>
    public static void AddIntentsReloader(this IServiceCollection services)
    {
        services.AddSingleton<IntentsReloader>();
        services.AddSingleton<IReloadTrigger>(sp => sp.GetRequiredService<IntentsReloader>());
        services.AddHostedService(sp => sp.GetRequiredService<IntentsReloader>());
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
}
