using System.Text.Json;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Production.Support;

/// <summary>
/// The test classes that start several <c>sshbot serve</c> processes on the shared model directory: run one after the
/// other, so the model is trained once on a fresh machine and never by two processes at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BotProcesses
{
    public const string Name = "bot processes";
}

/// <summary>A real Redis, the fake Slack, and two bot replicas sharing both, as a small production deployment on loopback.</summary>
public sealed class ReplicaSet : IAsyncLifetime
{
    // Shared across runs so the model is trained once and then only loaded; each replica checks it is current.
    internal static readonly string DataDirectory = Path.Combine(Path.GetTempPath(), "sshbot-prod-tests-model");

    internal RedisServer Redis { get; private set; } = null!;

    internal FakeSlack Slack { get; private set; } = null!;

    internal BotReplica A { get; private set; } = null!;

    internal BotReplica B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Persistent as infra/ ships it, so a restart mid-conversation loses nothing.
        Redis = await RedisServer.StartAsync(appendOnly: true);
        Slack = await FakeSlack.StartAsync();
        // One after the other: the first trains the model if needed, the second loads it.
        A = await StartReplicaAsync("A");
        B = await StartReplicaAsync("B");
    }

    internal Task<BotReplica> StartReplicaAsync(string name) => BotReplica.StartAsync(name, new Dictionary<string, string>
    {
        ["Bot__IntentsPath"] = RepositoryPaths.Intents,
        ["Bot__DataDirectory"] = DataDirectory,
        ["Storage__Redis"] = Redis.ConnectionString,
        ["Storage__RedisKeyPrefix"] = $"sshbot-test-{Redis.Port}:",
        ["Slack__BotToken"] = "xoxb-replicas",
        ["Slack__BotUserId"] = "UBOT",
        ["Slack__SigningSecret"] = SlackTestHost.SigningSecret,
        ["Slack__ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
        ["Slack__MessageInterval"] = "00:00:00.010",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    /// <summary>What the bot posted to one DM channel, in order.</summary>
    internal IReadOnlyList<string> PostsTo(string channel) => Slack.Posts
        .Where(p => p.Body.TryGetProperty("channel", out var c) && c.GetString() == channel)
        .Select(p => p.Body.GetRawText())
        .ToList();

    internal static object DirectMessage(string eventId, string channel, string text, string ts) => new
    {
        team_id = "T1",
        type = "event_callback",
        event_id = eventId,
        @event = new { type = "message", channel_type = "im", user = "U-" + channel, text, ts, channel },
    };

    internal static string Text(string postJson) => JsonDocument.Parse(postJson).RootElement.GetProperty("text").GetString() ?? "";

    public async Task DisposeAsync()
    {
        await (A?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (B?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Slack?.DisposeAsync() ?? ValueTask.CompletedTask);
        Redis?.Dispose();
    }
}
