using SshSupportBot.Languages;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;
using SshSupportBot.Formatting;
using SshSupportBot.Slack;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Admin;
using SshSupportBot.Tests.Slack.Support;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Formatting;

/// <summary>User text is data: whatever markup it holds arrives inert on Slack, on Teams and in the admin channel.</summary>
public sealed class ChatMarkupInjectionTests
{
    private const string HostileRequest = "I want to talk to a person <!channel> [x](https://evil.example/x) <at>Admins</at>";

    private const string Hostile =
        "<!channel> <!here> <@U123> <https://evil.example/login|Reset your password> [Reset your password](https://evil.example/x) " +
        "<at>Admins</at> <a href=\"https://evil.example\">x</a> &amp; https://evil.example/bare `code` \\[x]";

    /// <summary>No Slack control sequence: mentions, special mentions and links all start with '&lt;'.</summary>
    private static void AssertInertOnSlack(string mrkdwn)
    {
        Assert.DoesNotContain("<!channel>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("|Reset your password>", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", mrkdwn, StringComparison.Ordinal);
    }

    private static void AssertInertOnTeams(string markdown)
    {
        Assert.DoesNotContain("<at>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("[Reset your password]", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;at&gt;Admins&lt;/at&gt;", markdown, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> SlackSections(SlackMessage message) =>
        JsonSerializer.SerializeToElement(message.Blocks, SlackJson.Options).EnumerateArray().Where(b => b.GetProperty("type").GetString() == "section");

    [Fact]
    public void Quoted_text_reads_back_exactly_as_typed_and_bot_code_spans_keep_their_backslashes()
    {
        var quoted = MarkdownLiteral.Quote(Hostile + " C:\\Users\\taro\\.ssh\\ end\\");

        Assert.Equal(Hostile + " C:\\Users\\taro\\.ssh\\ end\\", MarkdownLiteral.Unescape(quoted));
        Assert.Equal("see `C:\\Users\\NAME\\.ssh\\` and " + Hostile, MarkdownLiteral.Unescape("see `C:\\Users\\NAME\\.ssh\\` and " + MarkdownLiteral.Quote(Hostile)));
        Assert.DoesNotContain("https://", quoted);
    }

    [Fact]
    public void User_text_in_a_slack_reply_is_escaped_and_never_a_link_or_mention()
    {
        var markdown = "*What your output shows*\n- The file " + MarkdownLiteral.Quote(Hostile) + " is too open. See [the FAQ](https://sc.ddbj.nig.ac.jp/faq).";

        var message = Assert.Single(SlackBlockKit.Render(markdown, []));

        var section = Assert.Single(SlackSections(message));
        var text = section.GetProperty("text").GetProperty("text").GetString()!;
        AssertInertOnSlack(text);
        AssertInertOnSlack(message.Text);
        Assert.True(section.GetProperty("text").GetProperty("verbatim").GetBoolean());
        // The bot's own link still works, written the Slack way.
        Assert.Contains("<https://sc.ddbj.nig.ac.jp/faq|the FAQ>", text);
        Assert.Contains("[Reset your password](https://evil.example/x)", text);
    }

    [Fact]
    public void User_text_in_a_teams_reply_is_written_as_character_references()
    {
        var reply = new BotReply(SshSupportBot.Languages.Language.En, new SshSupportBot.Nlu.Classification("x", 1f, [], SshSupportBot.Nlu.ClassificationSource.Pattern),
            "See `C:\\Users\\NAME\\.ssh\\` and [the FAQ](https://sc.ddbj.nig.ac.jp/faq). You wrote: " + MarkdownLiteral.Quote(Hostile), [], []);

        var text = Assert.Single(TeamsReplyRenderer.Render(reply, new Activity { Id = "a1" })).Text!;

        AssertInertOnTeams(text);
        Assert.Contains("[the FAQ](https://sc.ddbj.nig.ac.jp/faq)", text);
        Assert.Contains("`C:\\Users\\NAME\\.ssh\\`", text);
        Assert.Contains("&#91;Reset your password&#93;(https:\u200B//evil.example/x)", text);
    }

    [Fact]
    public async Task A_pasted_path_written_as_a_markdown_link_stays_text_in_the_findings_on_both_channels()
    {
        var paste = "Permissions 0644 for '/home/taro/[Reset your password](https://evil.example/x)' are too open.\n" +
            "It is required that your private key files are NOT accessible by others.\nThis private key will be ignored.";
        var engine = TrainedBot.Runtime.CreateEngine(
            new SshSupportBot.Storage.SqliteConversationStore(Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}.db"), TimeSpan.FromHours(1), TimeProvider.System),
            TimeProvider.System);

        var reply = (await engine.HandleAsync(new IncomingMessage("slack", "C-inj", "U1", paste, "e1"), CancellationToken.None)).First();

        Assert.Contains("Reset your password", reply.Text);
        var slack = string.Join("\n", SlackBlockKit.Render(reply).SelectMany(SlackSections).Select(s => s.GetProperty("text").GetProperty("text").GetString()));
        Assert.DoesNotContain("<https://evil", slack);
        // The paste is read as the user saw it (the link's text); the link's target never reaches a reply.
        Assert.DoesNotContain("evil.example", slack);
        var teams = string.Join("\n", TeamsReplyRenderer.Render(reply, new Activity { Id = "a1" }).Select(a => a.Text));
        var prose = string.Join("\n", teams.Split("```").Where((_, i) => i % 2 == 0));
        Assert.DoesNotContain("](https", prose);
        Assert.DoesNotContain("evil.example", teams);
    }

    [Fact]
    public async Task A_handoff_summary_reaches_the_slack_admin_channel_inert()
    {
        await using var slack = await FakeSlack.StartAsync();
        var client = new SlackApiClient(new HttpClient(), SlackSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(SlackTestHost.HttpSettings(slack)).Build()), TimeProvider.System, NullLogger<SlackApiClient>.Instance);
        using var bot = new LearningBot();
        await bot.SendAsync(Hostile + " how do I generate an ssh key");
        await bot.SendAsync(HostileRequest);
        var summary = Assert.Single(bot.Notifier.Posted);

        Assert.True(await new SlackHandoffNotifier(client, "CADMIN", NullLogger<SlackHandoffNotifier>.Instance).NotifyAsync(summary, CancellationToken.None));

        var post = Assert.Single(slack.Posts);
        Assert.Contains("Hand-off requested", post.Body.GetProperty("text").GetString());
        AssertInertOnSlack(post.Body.GetProperty("text").GetString()!);
        foreach (var block in post.Body.GetProperty("blocks").EnumerateArray())
        {
            AssertInertOnSlack(block.GetProperty("text").GetProperty("text").GetString()!);
        }
    }

    [Fact]
    public async Task A_handoff_summary_reaches_the_teams_admin_conversation_inert()
    {
        var handler = new RecordingHandler();
        var http = new HttpClient(handler);
        var connector = new ConnectorClient(http,
            new ConnectorTokenProvider(http, new TeamsSettings(), TimeProvider.System, NullLogger<ConnectorTokenProvider>.Instance),
            new ConnectorRetryPolicy(), TimeProvider.System, NullLogger<ConnectorClient>.Instance);
        using var bot = new LearningBot();
        await bot.SendAsync(HostileRequest);

        Assert.True(await new TeamsHandoffNotifier(connector, "http://127.0.0.1:9/connector/", "19:admins", withToken: false, NullLogger<TeamsHandoffNotifier>.Instance)
            .NotifyAsync(Assert.Single(bot.Notifier.Posted), CancellationToken.None));

        using var activity = JsonDocument.Parse(Assert.Single(handler.Bodies));
        var text = activity.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("Hand-off requested", text);
        AssertInertOnTeams(text);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_declined_question_listed_by_admin_unanswered_is_inert_on_both_channels()
    {
        using var bot = new LearningBot(new AdminSettings { UserIds = new Dictionary<string, IReadOnlyList<string>> { ["slack"] = ["UADMIN"] } });
        await bot.SendAsync("what is the best pizza in tokyo " + Hostile);

        var unanswered = await bot.SendAsync("admin unanswered", user: "UADMIN");

        Assert.Contains("best pizza in tokyo", unanswered.Text);
        var slack = string.Join("\n", SlackBlockKit.Render(unanswered).SelectMany(SlackSections).Select(s => s.GetProperty("text").GetProperty("text").GetString()));
        AssertInertOnSlack(slack);
        AssertInertOnTeams(Assert.Single(TeamsReplyRenderer.Render(unanswered, new Activity { Id = "a1" })).Text!);
    }
}
