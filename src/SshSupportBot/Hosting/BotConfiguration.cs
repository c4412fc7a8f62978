using Microsoft.Extensions.Configuration;
using SshSupportBot.Conversations;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>Configuration for the CLI commands: appsettings.json beside the program, then environment variables.</summary>
internal static class BotConfiguration
{
    public static IConfiguration Build() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    public static BotSettings Bot(this IConfiguration configuration) =>
        configuration.GetSection("Bot").Get<BotSettings>() ?? new BotSettings();

    public static StorageSettings Storage(this IConfiguration configuration) =>
        configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();

    public static ClassifierSettings Classifier(this IConfiguration configuration) =>
        configuration.GetSection("Classifier").Get<ClassifierSettings>() ?? new ClassifierSettings();
}
