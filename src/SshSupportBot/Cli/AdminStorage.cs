using Microsoft.Extensions.Configuration;
using SshSupportBot.Admin;
using SshSupportBot.Hosting;
using SshSupportBot.Storage;

namespace SshSupportBot.Cli;

/// <summary>
/// The admin commands' view of the bot's data: intents/ and the feedback store the server uses (Redis when <c>Storage:Redis</c> is
/// set, so every replica's queue is seen; otherwise the conversations database), without loading a model.
/// </summary>
internal sealed record AdminStorage(string IntentsPath, string DatabasePath, IFeedbackStore Store)
{
    public static AdminStorage Open()
    {
        var configuration = BotConfiguration.Build();
        var bot = configuration.Bot();
        var intents = BotPaths.ResolveIntents(bot.IntentsPath);
        var data = BotPaths.ResolveData(bot.DataDirectory, intents);
        var storage = configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        var database = storage.Sqlite ?? Path.Combine(data, "conversations.db");
        var window = ReviewSettings.From(configuration).FeedbackWindow;
        // The connection lives as long as this short CLI process; it is not worth threading a Dispose through every command.
        IFeedbackStore store = string.IsNullOrWhiteSpace(storage.Redis)
            ? new SqliteFeedbackStore(database, window)
            : new RedisFeedbackStore(new RedisConnection(storage), window);
        return new AdminStorage(intents, database, new RedactedFeedbackStore(store, new StoredText(ReviewSettings.From(configuration))));
    }
}
