using Microsoft.Extensions.Configuration;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>Where the bot's files are, resolved once from configuration so the server and every command agree.</summary>
/// <param name="IntentsPath">The knowledge base admins edit.</param>
/// <param name="DataPath">The trained model and, by default, the conversations database.</param>
/// <param name="ConversationDatabase">The SQLite file for conversations, the outbox and feedback (when Redis is not configured).</param>
internal sealed record BotFiles(string IntentsPath, string DataPath, string ConversationDatabase)
{
    public static BotFiles From(IConfiguration configuration)
    {
        var bot = configuration.Bot();
        var intents = BotPaths.ResolveIntents(bot.IntentsPath);
        var data = BotPaths.ResolveData(bot.DataDirectory, intents);
        var storage = configuration.Storage();
        return new BotFiles(intents, data, storage.Sqlite ?? Path.Combine(data, "conversations.db"));
    }
}
