using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SshSupportBot.Tests.Production.Support;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;
using SshSupportBot.Tests.Teams.Support;
using StackExchange.Redis;

namespace SshSupportBot.Tests.Production;

/// <summary>
/// Issue 11 §2: every key format, pasted whole, without its BEGIN line, as a bare body and split over two messages, over
/// signed Slack events and authenticated Teams activities to a real server; then every store is searched for any
/// 20-character window of a key's body: the database file (or Redis's AOF and RDB files), the review queue as
/// <c>review --list --json</c> prints it, every post to Slack and to the Bot Connector (admin channel included), and the log.
/// </summary>
public sealed class PrivateKeyLeakTests
{
    private const string AdminChannel = "CADMIN";
    private const string AdminConversation = "19:admins@thread.tacv2";

    [Fact]
    public Task No_key_reaches_the_sqlite_file_the_queue_the_admin_channels_or_the_log() => PasteEveryKeyAsync(redis: false);

    [Fact]
    public Task No_key_reaches_redis_its_aof_and_rdb_files_the_queue_the_admin_channels_or_the_log() => PasteEveryKeyAsync(redis: true);

    [Fact]
    public async Task No_key_pasted_one_line_per_turn_into_the_terminal_chat_is_kept()
    {
        _ = TrainedBot.Runtime;
        var directory = Directory.CreateTempSubdirectory("sshbot-leak-cli-").FullName;
        try
        {
            var database = Path.Combine(directory, "conversations.db");
            var environment = new Dictionary<string, string> { ["Storage__Sqlite"] = database };
            var input = string.Join('\n', RealKey.All.Select(k => k.Text + "\nthanks")) + "\n";

            var chat = await CliRunner.RunAsync(["chat", "--conversation", "leak"], input, environment);
            var review = await CliRunner.RunAsync(["review", "--list", "--json"], null, environment);

            Assert.Equal(0, chat.ExitCode);
            Assert.Equal(0, review.ExitCode);
            Assert.StartsWith("[", review.Output.TrimStart());
            var stores = new Dictionary<string, string>
            {
                ["chat output"] = chat.Output + chat.Error,
                ["review --list --json"] = review.Output,
                ["database files"] = DatabaseBytes(database),
            };
            AssertNoKeyIn(stores);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task PasteEveryKeyAsync(bool redis)
    {
        using var knowledgeBase = new Slack.Support.TinyKnowledgeBase();
        var state = Directory.CreateTempSubdirectory("sshbot-leak-").FullName;
        await using var slack = await FakeSlack.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var signingKey = new TestSigningKey("leak-key", "msteams");
        await using var openId = await FakeOpenIdServer.StartAsync(signingKey);
        using var redisServer = redis ? await PersistentRedis.StartAsync(Path.Combine(state, "redis")) : null;
        var database = Path.Combine(state, "conversations.db");
        var environment = new Dictionary<string, string>
        {
            ["Bot__IntentsPath"] = knowledgeBase.IntentsPath,
            ["Bot__DataDirectory"] = knowledgeBase.DataPath,
            ["Classifier__Folds"] = "3",
            ["Storage__Sqlite"] = database,
            ["Slack__BotToken"] = "xoxb-leak",
            ["Slack__BotUserId"] = "UBOT",
            ["Slack__SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Slack__MessageInterval"] = "00:00:00",
            ["Teams__AppId"] = TokenDefaults.AppId,
            ["Teams__AppPassword"] = "test-secret",
            ["Teams__TenantId"] = "tenant",
            ["Teams__OpenIdMetadataUrl"] = openId.MetadataUrl,
            ["Teams__TokenEndpoint"] = connector.TokenEndpoint,
            ["Admin__SlackChannel"] = AdminChannel,
            ["Admin__SlackUserIds__0"] = "UADMIN",
            ["Admin__TeamsConversation"] = AdminConversation,
            ["Admin__TeamsServiceUrl"] = connector.ServiceUrl,
            // Every answer of the tiny knowledge base goes to the review queue too, so the queue sees every paste.
            ["Review__LowConfidenceMargin"] = "1",
            ["Logging__LogLevel__Default"] = "Information",
        };
        if (redisServer is not null)
        {
            environment["Storage__Redis"] = redisServer.ConnectionString;
        }
        var replica = await BotReplica.StartAsync("leak", environment);
        var stopped = false;
        try
        {
            var turns = 0;
            var teamsToken = signingKey.Token(serviceUrl: connector.ServiceUrl);
            foreach (var key in RealKey.All)
            {
                foreach (var (form, messages) in Forms(key))
                {
                    var conversation = $"{key.Name}-{form}".Replace('.', '-');
                    foreach (var text in messages.Append("talk to a person"))
                    {
                        turns++;
                        using var slackResponse = await replica.Client.SendAsync(SlackPayloads.SignedEvent(
                            ReplicaSet.DirectMessage($"Ev-{turns}", "D-" + conversation, text, $"18000{turns:D5}.000100")));
                        Assert.True(slackResponse.IsSuccessStatusCode, $"slack event {turns}: {slackResponse.StatusCode}");
                        var activity = ActivityBuilder.Message(text, connector.ServiceUrl, id: $"act-{turns}");
                        activity["conversation"] = new { id = "a:" + conversation, tenantId = "tenant", conversationType = "personal" };
                        using var teamsResponse = await PostActivityAsync(replica.Client, activity, teamsToken);
                        Assert.True(teamsResponse.IsSuccessStatusCode, $"teams activity {turns}: {teamsResponse.StatusCode}");
                        // One turn at a time per conversation, as people type: the next part comes after the reply.
                        await slack.Changed.WaitUntilAsync(() => slack.Posts.Count(p => p.Body.GetProperty("channel").GetString() != AdminChannel) >= turns,
                            TimeSpan.FromSeconds(30), $"the Slack reply to turn {turns}");
                        await WaitUntilAsync(() => connector.Accepted.Count(r => r.ConversationId != AdminConversation) >= turns, $"the Teams reply to turn {turns}");
                    }
                }
            }
            using (var admin = await replica.Client.SendAsync(SlackPayloads.SignedEvent(ReplicaSet.DirectMessage("Ev-admin", "D-admin", "admin unanswered", "1800099999.000100"))))
            {
                Assert.True(admin.IsSuccessStatusCode);
            }
            await slack.Changed.WaitUntilAsync(() => slack.Posts.Any(p => p.Body.GetProperty("channel").GetString() == "D-admin"), TimeSpan.FromSeconds(30), "the admin's list");

            var slackReplies = slack.Posts.Where(p => p.Body.GetProperty("channel").GetString() is not (AdminChannel or "D-admin")).ToList();
            Assert.All(slackReplies.Where(p => !Text(p.Body).Contains("person", StringComparison.OrdinalIgnoreCase) && !Text(p.Body).Contains("helpdesk", StringComparison.Ordinal)),
                p => Assert.True(Text(p.Body).Contains("exposed", StringComparison.Ordinal) || Text(p.Body).Contains("漏れたもの", StringComparison.Ordinal), Text(p.Body)));
            Assert.Contains(slack.Posts, p => p.Body.GetProperty("channel").GetString() == AdminChannel);
            Assert.Contains(connector.Accepted, r => r.ConversationId == AdminConversation);

            var review = await CliRunner.RunAsync(["review", "--list", "--json"], null,
                redisServer is null ? new Dictionary<string, string> { ["Storage__Sqlite"] = database }
                    : new Dictionary<string, string> { ["Storage__Redis"] = redisServer.ConnectionString, ["Storage__Sqlite"] = database });
            Assert.Equal(0, review.ExitCode);
            Assert.NotEqual("[]", review.Output.Trim());

            var stores = new Dictionary<string, string>
            {
                ["Slack posts (replies, admin channel, admin list)"] = string.Join("\n", slack.Calls.Select(c => c.Body.GetRawText())),
                ["Bot Connector posts (replies, admin conversation)"] = string.Join("\n", connector.Accepted.Select(r => r.Activity.GetRawText())),
                ["review --list --json"] = review.Output,
                ["database files"] = DatabaseBytes(database),
            };
            if (redisServer is not null)
            {
                stores["redis keys and values"] = await redisServer.DumpAsync();
                stores["redis AOF and RDB files"] = redisServer.PersistedBytes();
            }
            // Stopped first, so that everything it logged while shutting down is searched too.
            await replica.DisposeAsync();
            stopped = true;
            stores["server log"] = replica.Log;
            AssertNoKeyIn(stores);
        }
        finally
        {
            if (!stopped)
            {
                await replica.DisposeAsync();
            }
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>The ways a key arrives: whole, without its first line, as a bare body (where that is recognisable), in two halves.</summary>
    private static IEnumerable<(string Form, IReadOnlyList<string> Messages)> Forms(RealKey key)
    {
        yield return ("whole", [$"これで合っていますか？\n{key.Text}"]);
        yield return ("no-begin", [key.WithoutFirstLine]);
        if (key.BodyIsRecognisable)
        {
            yield return ("bare", [key.BareBody]);
        }
        var (first, second) = key.Split();
        yield return ("split", [first, second]);
    }

    private static void AssertNoKeyIn(Dictionary<string, string> stores)
    {
        foreach (var key in RealKey.All)
        {
            foreach (var (store, content) in stores)
            {
                Assert.True(key.Leaked(content) is null, $"{store} holds part of {key.Name}: \"{key.Leaked(content)}\"");
            }
        }
        // The search could pass by looking in the wrong place: the stores did keep the pastes, redacted.
        Assert.Contains(stores, s => s.Value.Contains(SshSupportBot.Diagnostics.SecretRedactor.Placeholder, StringComparison.Ordinal));
    }

    private static string DatabaseBytes(string database) =>
        string.Concat(new[] { database, database + "-wal", database + "-journal" }.Where(File.Exists)
            .Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f)) + Encoding.UTF8.GetString(File.ReadAllBytes(f))));

    private static string Text(JsonElement body) => body.TryGetProperty("text", out var text) ? text.GetString() ?? "" : body.GetRawText();

    private static async Task<HttpResponseMessage> PostActivityAsync(HttpClient client, object activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>A real redis-server with an append-only file and RDB snapshots in a directory the test reads afterwards.</summary>
    private sealed class PersistentRedis : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private PersistentRedis(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            ConnectionString = $"127.0.0.1:{port}";
        }

        public string ConnectionString { get; }

        public static async Task<PersistentRedis> StartAsync(string directory)
        {
            Directory.CreateDirectory(directory);
            var port = LoopbackPorts.Free();
            var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--dir", directory, "--appendonly", "yes", "--appendfsync", "always", "--save", "1 1" })
            {
                info.ArgumentList.Add(argument);
            }
            var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                try
                {
                    using var client = new System.Net.Sockets.TcpClient();
                    await client.ConnectAsync("127.0.0.1", port);
                    return new PersistentRedis(process, directory, port);
                }
                catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                    await Task.Delay(50);
                }
            }
        }

        /// <summary>Every key and value (strings, hashes, lists, sets, sorted sets), after a snapshot to disk.</summary>
        public async Task<string> DumpAsync()
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");
            var server = connection.GetServer(connection.GetEndPoints()[0]);
            var db = connection.GetDatabase();
            await db.ExecuteAsync("SAVE");
            var dump = new StringBuilder();
            await foreach (var key in server.KeysAsync(pattern: "*"))
            {
                dump.Append(key).Append('\n');
                var value = await db.ExecuteAsync("DUMP", key);
                dump.Append(Encoding.Latin1.GetString((byte[]?)value ?? [])).Append('\n');
                var type = await db.KeyTypeAsync(key);
                dump.Append(type switch
                {
                    RedisType.String => (string?)await db.StringGetAsync(key),
                    RedisType.Hash => string.Join("\n", (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
                    RedisType.List => string.Join("\n", await db.ListRangeAsync(key)),
                    RedisType.Set => string.Join("\n", await db.SetMembersAsync(key)),
                    RedisType.SortedSet => string.Join("\n", await db.SortedSetRangeByRankAsync(key)),
                    _ => "",
                }).Append('\n');
            }
            Assert.True(dump.Length > 0, "redis holds nothing: the bot did not use it");
            return dump.ToString();
        }

        public string PersistedBytes()
        {
            var files = Directory.GetFiles(_directory, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.EndsWith(".rdb", StringComparison.Ordinal));
            Assert.Contains(files, f => f.Contains("appendonly", StringComparison.Ordinal));
            return string.Concat(files.Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
            _process.Dispose();
        }
    }
}
