using System.Net;
using System.Text.Json;
using SshSupportBot.Tests.Production.Support;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Production;

/// <summary>One real server process on the SQLite default: health, readiness, metrics, the health command, and a clean stop.</summary>
public sealed class OperationsTests : IAsyncLifetime
{
    // Apart from the replica tests' model folder: both classes may train at once on a fresh machine.
    private static readonly string ModelDirectory = Path.Combine(Path.GetTempPath(), "sshbot-prod-tests-model-ops");
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("sshbot-ops-").FullName;
    private readonly int _metricsPort = LoopbackPorts.Free();
    private FakeSlack _slack = null!;
    private BotReplica _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await BotReplica.StartAsync("ops", new Dictionary<string, string>
        {
            ["Bot__IntentsPath"] = RepositoryPaths.Intents,
            ["Bot__DataDirectory"] = ModelDirectory,
            ["Storage__Sqlite"] = Path.Combine(_stateDirectory, "conversations.db"),
            ["Slack__BotToken"] = "xoxb-ops",
            ["Slack__BotUserId"] = "UBOT",
            ["Slack__SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Operations__MetricsPort"] = _metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operations__MetricsHost"] = "127.0.0.1",
        });
    }

    [Fact]
    public async Task Readiness_names_the_model_and_the_sqlite_store_and_metrics_count_turns_by_channel_and_intent()
    {
        using var ready = await _bot.Client.GetAsync("readyz");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("sqlite", body.GetProperty("storage").GetString());
        var model = body.GetProperty("model").GetString();

        using var sent = await _bot.Client.SendAsync(SlackPayloads.SignedEvent(ReplicaSet.DirectMessage("Ev-ops-1", "D-ops", "Permission denied (publickey)", "1800000500.000100")));
        await _slack.Changed.WaitUntilAsync(() => _slack.Posts.Count >= 1, TimeSpan.FromSeconds(15), "the answer");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_metricsPort}/") };
        var metrics = await management.GetStringAsync("metrics");

        Assert.Contains($"sshbot_model_info{{version=\"{model}\"}} 1", metrics);
        Assert.Contains("sshbot_messages_total{channel=\"slack\",intent=\"permission-denied-publickey\"} 1", metrics);
        Assert.Contains("sshbot_reply_latency_seconds_count{channel=\"slack\"} 1", metrics);
        Assert.DoesNotContain("Permission denied", metrics);
    }

    [Fact]
    public async Task Metrics_are_served_on_the_management_port_and_not_on_the_public_listener()
    {
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_metricsPort}/") };

        using var onPublic = await _bot.Client.GetAsync("metrics");
        using var onManagement = await management.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        Assert.Contains("sshbot_model_info", await onManagement.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_health_command_the_container_uses_exits_0_on_a_live_bot_and_1_on_a_closed_port()
    {
        var live = await CliRunner.RunAsync(["health", "--url", new Uri(_bot.Client.BaseAddress!, "healthz").AbsoluteUri]);
        var dead = await CliRunner.RunAsync(["health", "--url", $"http://127.0.0.1:{LoopbackPorts.Free()}/healthz", "--timeout-seconds", "1"]);

        Assert.Equal(0, live.ExitCode);
        Assert.Equal(1, dead.ExitCode);
    }

    [Fact]
    public async Task SIGTERM_finishes_the_turn_in_flight_then_exits_0()
    {
        // Slack answers slowly, so the turn is still in flight when the stop arrives.
        _slack.Script("chat.postMessage", 200, """{"ok":true,"channel":"D-term","ts":"1800000600.000001"}""", delay: TimeSpan.FromSeconds(2));
        using var sent = await _bot.Client.SendAsync(SlackPayloads.SignedEvent(ReplicaSet.DirectMessage("Ev-term-1", "D-term", "Permission denied (publickey)", "1800000600.000100")));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await Task.Delay(300);

        var exit = await _bot.TerminateAsync(TimeSpan.FromSeconds(25));

        Assert.Equal(0, exit);
        Assert.Contains(_slack.Posts, p => p.Body.GetProperty("channel").GetString() == "D-term");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
