using System.Net;

namespace SshSupportBot.LoadBench;

/// <summary>The real server (and redis-server when asked) on loopback, configured as in production but for the fake peers.</summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    public const string SigningSecret = "bench-signing-secret";

    private readonly ChildProcess _server;
    private readonly ChildProcess? _redis;
    private readonly string _stateDirectory;

    private BenchTarget(ChildProcess server, ChildProcess? redis, string stateDirectory, HttpClient client)
    {
        _server = server;
        _redis = redis;
        _stateDirectory = stateDirectory;
        Client = client;
    }

    public HttpClient Client { get; }

    public double? PeakRssMiB() => _server.PeakRssMiB();

    /// <summary>Settings the benchmark changes from the defaults, printed with the results.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tuning = new Dictionary<string, string>
    {
        ["Inbox__QueueCapacity"] = "8192",
        ["Inbox__Workers"] = "4",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static async Task<BenchTarget> StartAsync(string storage, ReplySink sink)
    {
        var root = FindRepositoryRoot();
        var stateDirectory = Directory.CreateTempSubdirectory("sshbot-bench-").FullName;
        ChildProcess? redis = null;
        var environment = new Dictionary<string, string>(Tuning)
        {
            ["Bot__IntentsPath"] = Path.Combine(root, "intents"),
            // Shared across runs so the model is trained once.
            ["Bot__DataDirectory"] = Path.Combine(Path.GetTempPath(), "sshbot-bench-model"),
            ["Storage__Sqlite"] = Path.Combine(stateDirectory, "conversations.db"),
            ["Slack__BotToken"] = "xoxb-bench",
            ["Slack__BotUserId"] = "UBOT",
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__ApiBaseUrl"] = new Uri(sink.BaseUrl, "api/").AbsoluteUri,
            ["Teams__AppId"] = "bench-app",
            ["Teams__AllowUnauthenticated"] = "true",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        if (storage == "redis")
        {
            var redisPort = ChildProcess.FreePort();
            redis = ChildProcess.Start("redis-server", ["--port", redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
            await ChildProcess.WaitForTcpAsync(redisPort, TimeSpan.FromSeconds(10));
            environment["Storage__Redis"] = $"127.0.0.1:{redisPort}";
        }
        var port = ChildProcess.FreePort();
        var server = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "sshbot.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"], environment);
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        var target = new BenchTarget(server, redis, stateDirectory, client);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (server.HasExited)
            {
                await target.DisposeAsync();
                throw new InvalidOperationException("The server exited during start-up.");
            }
            try
            {
                using var ready = await client.GetAsync("readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return target;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(200);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SshSupportBot.sln")))
            {
                return directory.FullName;
            }
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SshSupportBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("Run the benchmark inside the repository (SshSupportBot.sln not found).");
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        _server.Dispose();
        _redis?.Dispose();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
