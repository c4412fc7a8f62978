using System.Text.Json;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Slack;

/// <summary>The real server and knowledge base, driven the way a lab member uses Slack: mentions, buttons and pastes in one thread.</summary>
public sealed class SlackConversationFixture : IAsyncLifetime
{
    private ServeHost? _host;

    internal FakeSlack Slack { get; private set; } = null!;

    internal HttpClient Client => _host!.Client;

    public async Task InitializeAsync()
    {
        _ = TrainedBot.Runtime;
        Slack = await FakeSlack.StartAsync();
        _host = await ServeHost.StartAsync(
        [
            "--Slack:BotToken=xoxb-conversation",
            $"--Slack:SigningSecret={SlackTestHost.SigningSecret}",
            $"--Slack:ApiBaseUrl={Slack.ApiBaseUrl.AbsoluteUri}",
            "--Slack:MessageInterval=00:00:00.010",
        ], realKnowledgeBase: true);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await Slack.DisposeAsync();
    }
}

public sealed class SlackConversationTests(SlackConversationFixture fixture) : IClassFixture<SlackConversationFixture>
{
    private FakeSlack Slack => fixture.Slack;

    private List<ApiCall> PostsIn(string threadTs) =>
        Slack.Posts.Where(p => p.Body.TryGetProperty("thread_ts", out var t) && t.GetString() == threadTs).ToList();

    private async Task<ApiCall> NextPostAsync(string threadTs, int count)
    {
        await Slack.Changed.WaitUntilAsync(() => PostsIn(threadTs).Count >= count, TimeSpan.FromSeconds(30), $"reply {count} in thread {threadTs}");
        return PostsIn(threadTs)[count - 1];
    }

    private static string Text(ApiCall post) => post.Body.GetProperty("text").GetString() ?? "";

    private static string ButtonValue(ApiCall post, string label)
    {
        var buttons = post.Body.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .ToList();
        var button = buttons.FirstOrDefault(e => e.GetProperty("text").GetProperty("text").GetString() == label);
        Assert.True(button.ValueKind == JsonValueKind.Object,
            $"No button '{label}' in the reply; its buttons: [{string.Join(" | ", buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()))}]");
        return button.GetProperty("value").GetString()!;
    }

    private async Task SendAsync(object payload)
    {
        var response = await fixture.Client.SendAsync(SlackPayloads.SignedEvent(payload));
        Assert.True(response.IsSuccessStatusCode, $"Slack event refused: {(int)response.StatusCode}");
    }

    private async Task PressAsync(string value, string threadTs, string actionTs)
    {
        var body = SlackPayloads.Form(("payload", SlackPayloads.Json(SlackPayloads.BlockActions(value, Slack.ResponseUrl(), actionTs, threadTs))));
        var response = await fixture.Client.SendAsync(SlackPayloads.Signed("slack/interactivity", body, "application/x-www-form-urlencoded"));
        Assert.True(response.IsSuccessStatusCode, $"Slack interaction refused: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_japanese_user_walks_the_publickey_flow_by_buttons_and_pasted_output_in_one_thread()
    {
        const string thread = "1800000101.000100";
        await SendAsync(SlackPayloads.AppMention("EvFlow1", "<@UBOT> ssh すると Permission denied (publickey) と出てログインできません", ts: thread));
        var answer = await NextPostAsync(thread, 1);
        Assert.Contains("公開鍵認証が拒否されました", Text(answer));

        await PressAsync(ButtonValue(answer, "一緒に順番に確認する"), thread, "1800000102.000100");
        var platform = await NextPostAsync(thread, 2);
        Assert.Contains("ログインに使っている計算機を選んでください", Text(platform));

        await PressAsync(ButtonValue(platform, "Linux"), thread, "1800000103.000100");
        var permissions = await NextPostAsync(thread, 3);
        Assert.Contains("stat -c", Text(permissions));

        await SendAsync(SlackPayloads.AppMention("EvFlow2",
            "<@UBOT> 結果です\n```\n$ stat -c \"%a %n\" ~ ~/.ssh ~/.ssh/*\n750 /home/taro\n700 /home/taro/.ssh\n644 /home/taro/.ssh/id_ed25519\n644 /home/taro/.ssh/id_ed25519.pub\n```",
            ts: "1800000104.000100", threadTs: thread));
        var findings = await NextPostAsync(thread, 4);
        Assert.Contains("chmod 600 '/home/taro/.ssh/id_ed25519'", Text(findings));

        await PressAsync(ButtonValue(findings, "まだ失敗します"), thread, "1800000105.000100");
        var keypair = await NextPostAsync(thread, 5);
        Assert.Contains("② 鍵のペア", Text(keypair));
    }

    [Fact]
    public async Task A_japanese_user_answers_every_question_by_typing_and_the_thread_stays_japanese()
    {
        const string thread = "1800000301.000100";
        await SendAsync(SlackPayloads.AppMention("EvTyped1", "<@UBOT> Permission denied (publickey) と出ます", ts: thread));
        await NextPostAsync(thread, 1);

        await SendAsync(SlackPayloads.AppMention("EvTyped2", "<@UBOT> はい、お願いします", ts: "1800000302.000100", threadTs: thread));
        Assert.Contains("ログインに使っている計算機を選んでください", Text(await NextPostAsync(thread, 2)));

        await SendAsync(SlackPayloads.AppMention("EvTyped3", "<@UBOT> Mac です", ts: "1800000303.000100", threadTs: thread));
        Assert.Contains("stat -f", Text(await NextPostAsync(thread, 3)));

        await SendAsync(SlackPayloads.AppMention("EvTyped4", "<@UBOT> ログインできました！", ts: "1800000304.000100", threadTs: thread));
        var closing = Text(await NextPostAsync(thread, 4));
        Assert.Contains("よかった", closing);
        Assert.DoesNotContain("stat -f", closing);
    }

    [Fact]
    public async Task A_pasted_private_key_gets_the_exposure_warning_and_is_never_echoed()
    {
        const string body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBexampleexampleexample";
        await SendAsync(SlackPayloads.DirectMessage("EvKey1",
            $"これでいいですか？\n-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----", ts: "1800000201.000100"));

        await Slack.Changed.WaitUntilAsync(() => Slack.Posts.Any(p => p.Body.GetProperty("channel").GetString() == "D123"), TimeSpan.FromSeconds(30), "the reply in the DM");
        var reply = Slack.Posts.First(p => p.Body.GetProperty("channel").GetString() == "D123");
        Assert.Contains("秘密鍵", Text(reply));
        Assert.DoesNotContain(Slack.Calls, c => c.Body.GetRawText().Contains(body, StringComparison.Ordinal));
    }
}
