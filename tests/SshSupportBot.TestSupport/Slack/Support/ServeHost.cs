using SshSupportBot.Hosting;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>The real server started the way <c>serve</c> starts it (<see cref="BotServer.RunAsync"/> with command-line settings), on a free loopback port.</summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TinyKnowledgeBase knowledgeBase = new();
    private Task<int> server = Task.FromResult(0);

    public HttpClient Client { get; private set; } = null!;

    /// <param name="realKnowledgeBase">Serve the repository's own intents/ (and its saved model) instead of the tiny test one.</param>
    public static async Task<ServeHost> StartAsync(IEnumerable<string> slackArgs, bool realKnowledgeBase = false)
    {
        var host = new ServeHost();
        var port = Tests.Support.LoopbackPorts.Free();
        string[] knowledgeBaseArgs = realKnowledgeBase
            ? [$"--Bot:IntentsPath={Tests.Support.RepositoryPaths.Intents}", $"--Storage:Sqlite={Path.Combine(host.knowledgeBase.DataPath, "conversations.db")}"]
            : [$"--Bot:IntentsPath={host.knowledgeBase.IntentsPath}", $"--Bot:DataDirectory={host.knowledgeBase.DataPath}"];
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            .. knowledgeBaseArgs,
            "--Logging:LogLevel:Default=Warning",
            .. slackArgs,
        ];
        host.server = Task.Run(() => BotServer.RunAsync(args, new Progress<string>(), host.stop.Token));
        host.Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        // Start-up trains the classifier once; poll health rather than guess a delay.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (host.server.IsCompleted)
            {
                await host.server;
                throw new InvalidOperationException("The server stopped during start-up.");
            }
            try
            {
                if ((await host.Client.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(50);
        }
    }


    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await ((Task)server).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Client.Dispose();
        knowledgeBase.Dispose();
    }
}
