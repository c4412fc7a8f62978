using Microsoft.Extensions.Configuration;
using SshSupportBot.Hosting;

namespace SshSupportBot.Tests.Support;

/// <summary>
/// The bot over the repository's own knowledge base, trained once per test run (or loaded when the saved model
/// already matches intents/), shared by every test that needs the real classifier.
/// </summary>
internal static class TrainedBot
{
    private static readonly Lazy<BotRuntime> Shared = new(() => BotRuntime.Start(
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:IntentsPath"] = RepositoryPaths.Intents })
            .Build()));

    public static BotRuntime Runtime => Shared.Value;
}
