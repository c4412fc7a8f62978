using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SshSupportBot.Hosting;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Admin;

/// <summary>The real server with the fake Slack, a small knowledge base it watches, and an admin channel.</summary>
public sealed class AdminServeFixture : IAsyncLifetime
{
    public const string AdminChannel = "CADMIN";

    private readonly CancellationTokenSource _stop = new();
    private readonly TinyKnowledgeBase _knowledgeBase = new();
    private Task<int> _server = Task.FromResult(0);

    internal FakeSlack Slack { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    internal string IntentsPath => _knowledgeBase.IntentsPath;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Bot:IntentsPath={_knowledgeBase.IntentsPath}",
            $"--Bot:DataDirectory={_knowledgeBase.DataPath}",
            "--Logging:LogLevel:Default=Warning",
            "--Slack:BotToken=xoxb-admin",
            $"--Slack:SigningSecret={SlackTestHost.SigningSecret}",
            $"--Slack:ApiBaseUrl={Slack.ApiBaseUrl.AbsoluteUri}",
            "--Slack:MessageInterval=00:00:00",
            $"--Admin:SlackChannel={AdminChannel}",
            "--Admin:ReloadPollInterval=00:00:03",
            "--Admin:ReloadDebounce=00:00:00.500",
            "--Classifier:Folds=3",
            "--Admin:SlackUserIds:0=UADMIN",
            // The tiny knowledge base answers almost everything; this margin sends every model answer to the review queue too.
            "--Review:LowConfidenceMargin=1",
        ];
        _server = Task.Run(() => BotServer.RunAsync(args, new Progress<string>(), _stop.Token));
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_server.IsCompleted)
            {
                await _server;
                throw new InvalidOperationException("The server stopped during start-up.");
            }
            try
            {
                if ((await Client.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await ((Task)_server).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Client.Dispose();
        await Slack.DisposeAsync();
        _knowledgeBase.Dispose();
    }
}

public sealed class HotReloadServeTests(AdminServeFixture fixture) : IClassFixture<AdminServeFixture>
{
    private static int _ts = 100;

    private async Task<string> AskAsync(string text, string user = "U123")
    {
        var ts = $"1900000000.{Interlocked.Increment(ref _ts):000000}";
        var response = await fixture.Client.SendAsync(SlackPayloads.SignedEvent(SlackPayloads.AppMention($"Ev-admin-{ts}", "<@UBOT> " + text, ts: ts, user: user)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.Slack.Changed.WaitUntilAsync(() => PostsIn(ts).Count >= 1, TimeSpan.FromSeconds(20), "the answer");
        return PostsIn(ts)[0].Body.GetProperty("text").GetString()!;
    }

    private IReadOnlyList<ApiCall> PostsIn(string threadTs) =>
        fixture.Slack.Posts.Where(p => p.Body.TryGetProperty("thread_ts", out var t) && t.GetString() == threadTs).ToList();

    private IReadOnlyList<string> AdminPosts() =>
        fixture.Slack.Posts.Where(p => p.Body.GetProperty("channel").GetString() == AdminServeFixture.AdminChannel)
            .Select(p => p.Body.GetProperty("text").GetString()!).ToList();

    private async Task<JsonElement> ReadyAsync() =>
        JsonDocument.Parse(await fixture.Client.GetStringAsync("readyz")).RootElement;

    private async Task WaitForReadyAsync(Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition(await ReadyAsync()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}: {await fixture.Client.GetStringAsync("readyz")}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_new_intent_file_is_answered_without_a_restart_and_a_broken_one_changes_nothing_but_is_reported()
    {
        Assert.Equal(4, (await ReadyAsync()).GetProperty("intents").GetInt32());

        File.WriteAllText(Path.Combine(fixture.IntentsPath, "quota.yaml"), QuotaIntent());
        await WaitForReadyAsync(r => r.GetProperty("intents").GetInt32() == 5, "the new intent to be served");
        Assert.Contains("Apply for more quota", await AskAsync("how do I get more disk quota"));
        // The notice is posted after the swap, so under load the answer to a question can come first.
        await fixture.Slack.Changed.WaitUntilAsync(() => AdminPosts().Any(p => p.Contains("Now serving model", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), "the admin channel's reload notice");
        var model = (await ReadyAsync()).GetProperty("model").GetString();

        File.WriteAllText(Path.Combine(fixture.IntentsPath, "broken.yaml"), "version: 1\nid: broken\nexamples: [\n");
        await WaitForReadyAsync(r => r.TryGetProperty("reload", out var reload) && reload.ValueKind == JsonValueKind.Object
            && !reload.GetProperty("swapped").GetBoolean()
            && reload.GetProperty("problems").EnumerateArray().Any(p => p.GetString()!.Contains("broken.yaml", StringComparison.Ordinal)),
            "the broken file to be reported");

        var ready = await ReadyAsync();
        Assert.Equal(model, ready.GetProperty("model").GetString());
        Assert.Equal(5, ready.GetProperty("intents").GetInt32());
        Assert.Contains(ready.GetProperty("reload").GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("broken.yaml", StringComparison.Ordinal));
        Assert.Contains(AdminPosts(), p => p.Contains("keeps serving", StringComparison.Ordinal));
        Assert.Contains("Apply for more quota", await AskAsync("how do I get more disk quota"));
        File.Delete(Path.Combine(fixture.IntentsPath, "broken.yaml"));
    }

    [Fact]
    public async Task Asking_for_a_person_posts_a_summary_to_the_admin_channel_and_tells_the_user()
    {
        var reply = await AskAsync("I want to talk to a person about my key at 10.1.2.3");

        Assert.Contains("a person will reply to you here", reply);
        var handoff = Assert.Single(AdminPosts(), p => p.Contains("Hand-off requested", StringComparison.Ordinal));
        Assert.Contains("talk to a person", handoff);
        Assert.DoesNotContain("10.1.2.3", handoff);
    }

    [Fact]
    public async Task An_admin_assigns_a_queued_question_in_chat_and_after_the_reload_it_gets_that_intents_answer()
    {
        const string Question = "can my lab share one gateway account";
        Assert.Contains("Register it on", await AskAsync(Question));
        Assert.Contains("only for the configured administrators", await AskAsync("admin unanswered"));

        var unanswered = await AskAsync("admin unanswered", user: "UADMIN");
        var id = System.Text.RegularExpressions.Regex.Match(unanswered, @"• (\d+) ×\d+ \[[^\]]*\] " + Question).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), unanswered);
        var model = (await ReadyAsync()).GetProperty("model").GetString();

        Assert.Contains("Reloading now", await AskAsync($"admin assign {id} publickey-denied", user: "UADMIN"));
        await WaitForReadyAsync(r => r.GetProperty("model").GetString() != model, "the retrained model");

        Assert.Contains("Check that your public key is registered", await AskAsync(Question));
    }

    private static string QuotaIntent()
    {
        string[] en = ["how do I get more disk quota", "my disk quota is full", "request a larger quota", "can I increase my storage quota", "quota exceeded on home"];
        string[] ja = ["ディスクの容量を増やしたい", "クォータがいっぱいです", "容量の追加申請", "ストレージの上限を上げたい", "ホームの容量が足りない"];
        var yaml = new StringBuilder("version: 1\nid: quota\n# added while the server runs\ntitle:\n  ja: 容量\n  en: Quota\nexamples:\n  ja:\n");
        foreach (var e in ja.SelectMany(p => new[] { p, p + "？", p + "（至急）" }))
        {
            yaml.Append($"    - \"{e}\"\n");
        }
        yaml.Append("  en:\n");
        foreach (var e in en.SelectMany(p => new[] { p, p + "?", "please, " + p }))
        {
            yaml.Append($"    - \"{e}\"\n");
        }
        yaml.Append("answer:\n  ja: 容量の追加を申請してください。\n  en: Apply for more quota on the account page.\n");
        return yaml.ToString();
    }
}
