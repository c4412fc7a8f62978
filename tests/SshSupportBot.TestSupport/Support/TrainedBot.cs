using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using SshSupportBot.Hosting;

namespace SshSupportBot.Tests.Support;

/// <summary>
/// The bot over the repository's own knowledge base, trained once per test run (or loaded when the saved model
/// already matches intents/), shared by every test that needs the real classifier.
/// </summary>
internal static class TrainedBot
{
    // The composition root's runtime; its container lives as long as the test run.
    private static readonly Lazy<BotRuntime> Shared = new(() => BotComposition.ForCommand(new Progress<string>(),
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:IntentsPath"] = RepositoryPaths.Intents })
            .Build()).GetRequiredService<BotRuntime>());

    public static BotRuntime Runtime => Shared.Value;
}
