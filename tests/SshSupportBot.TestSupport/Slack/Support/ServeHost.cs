using SshSupportBot.Hosting;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>The real server started the way <c>serve</c> starts it (<see cref="BotServer.RunAsync"/> with command-line settings), on a free loopback port.</summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TinyKnowledgeBase _knowledgeBase = new();
    private Task<int> _server = Task.FromResult(0);

    public HttpClient Client { get; private set; } = null!;

    /// <param name="realKnowledgeBase">Serve the repository's own intents/ (and its saved model) instead of the tiny test one.</param>
    public static async Task<ServeHost> StartAsync(IEnumerable<string> slackArgs, bool realKnowledgeBase = false)
    {
        var host = new ServeHost();
        var port = Tests.Support.LoopbackPorts.Free();
        string[] knowledgeBaseArgs = realKnowledgeBase
            ? [$"--Bot:IntentsPath={Tests.Support.RepositoryPaths.Intents}", $"--Storage:Sqlite={Path.Combine(host._knowledgeBase.DataPath, "conversations.db")}"]
            : [$"--Bot:IntentsPath={host._knowledgeBase.IntentsPath}", $"--Bot:DataDirectory={host._knowledgeBase.DataPath}"];
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            .. knowledgeBaseArgs,
            "--Logging:LogLevel:Default=Warning",
            .. slackArgs,
        ];
        host._server = Task.Run(() => BotServer.RunAsync(args, new Progress<string>(), host._stop.Token));
        host.Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        // Start-up trains the classifier once; poll health rather than guess a delay.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (host._server.IsCompleted)
            {
                await host._server;
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
        await _stop.CancelAsync();
        await ((Task)_server).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Client.Dispose();
        _knowledgeBase.Dispose();
    }
}
