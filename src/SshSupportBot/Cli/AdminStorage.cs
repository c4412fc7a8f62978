using Microsoft.Extensions.Configuration;
using SshSupportBot.Admin;
using SshSupportBot.Hosting;
using SshSupportBot.Storage;

namespace SshSupportBot.Cli;

/// <summary>The admin commands' view of the bot's files: intents/ and the conversations database, without loading a model.</summary>
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
        return new AdminStorage(intents, database, new SqliteFeedbackStore(database, ReviewSettings.From(configuration).FeedbackWindow));
    }
}
