using SshSupportBot.Storage;
using SshSupportBot.Conversations;
using SshSupportBot.Channels;

namespace SshSupportBot.Hosting;

/// <summary>The one place where configuration picks the stores: SQLite by default, Redis when <c>Storage:Redis</c> is set.</summary>
internal static class StorageRegistration
{
    /// <param name="feedbackWindow">How long an answer can still take a 👎; see <see cref="IFeedbackStore.RememberAnswerAsync"/>.</param>
    public static void AddStorage(this IServiceCollection services, StorageSettings settings, BotFiles files, TimeSpan feedbackWindow)
    {
        services.AddSingleton(settings);
        services.AddSingleton<InProcessConversationLock>();
        services.AddSingleton(sp => new InMemoryEventDeduplicator(sp.GetRequiredService<TimeProvider>()));
        var outboxTiming = OutboxTiming.From(settings);
        services.AddSingleton<Channels.OutboxDelivery>();
        services.AddHostedService<Channels.OutboxSweeper>();
        if (string.IsNullOrWhiteSpace(settings.Redis))
        {
            // Every SQLite store goes through the checked database first: a damaged file is kept aside before anything opens
            // it, not a reason to exit at every start. Built on first use, so a command that never touches the database
            // (ask, classify, train) neither checks nor creates it.
            services.AddSingleton(_ =>
            {
                var notice = SqliteStartupCheck.KeepDamagedFileAside(files.ConversationDatabase, TimeProvider.System);
                if (notice is not null)
                {
                    Console.Error.WriteLine("error: " + notice);
                }
                return new SqliteHealth(files.ConversationDatabase, TimeProvider.System, notice);
            });
            services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<SqliteHealth>());
            services.AddSingleton<IConversationStore>(sp => Checked(sp, () => new SqliteConversationStore(files.ConversationDatabase, settings.ConversationExpiry, sp.GetRequiredService<TimeProvider>())));
            services.AddSingleton<IEventDeduplicator>(sp => Checked(sp, () => new SqliteEventDeduplicator(files.ConversationDatabase, sp.GetRequiredService<TimeProvider>())));
            services.AddSingleton<ITurnOutbox>(sp => Checked(sp, () => new SqliteTurnOutbox(files.ConversationDatabase, outboxTiming, sp.GetRequiredService<TimeProvider>())));
            services.AddSingleton<IConversationLock>(sp => sp.GetRequiredService<InProcessConversationLock>());
            services.AddSingleton<IFeedbackStore>(sp => Checked(sp, () => new SqliteFeedbackStore(files.ConversationDatabase, feedbackWindow)));
            return;
        }
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<RedisConnection>());
        services.AddSingleton<IConversationStore>(sp => new RedisConversationStore(sp.GetRequiredService<RedisConnection>(), settings.ConversationExpiry,
            outboxTiming, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEventDeduplicator, RedisEventDeduplicator>();
        services.AddSingleton<ITurnOutbox>(sp => new RedisTurnOutbox(sp.GetRequiredService<RedisConnection>(), outboxTiming, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IConversationLock, RedisConversationLock>();
        services.AddSingleton<IFeedbackStore>(sp => new RedisFeedbackStore(sp.GetRequiredService<RedisConnection>(), feedbackWindow));
    }

    private static T Checked<T>(IServiceProvider services, Func<T> open)
    {
        services.GetRequiredService<SqliteHealth>();
        return open();
    }
}
