using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SshSupportBot.Storage;

namespace SshSupportBot.Channels;

internal static class InboxRegistration
{
    /// <summary>The one inbox and its workers, whichever channel adds them first; each channel calls this from its registration.</summary>
    public static void AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestLimits(configuration);
        services.TryAddSingleton(InboxSettings.From(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventDeduplicator, InMemoryEventDeduplicator>();
        services.TryAddSingleton<ITurnOutbox>(sp => new InMemoryTurnOutbox(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<OutboxDelivery>();
        services.TryAddSingleton<ChannelInbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboxWorkers>());
    }
}
