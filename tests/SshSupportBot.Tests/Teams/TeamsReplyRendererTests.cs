using SshSupportBot.Tests.Support;
using System.Text;
using System.Text.Json;
using SshSupportBot.Conversations;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

public sealed class TeamsReplyRendererTests
{
    private static readonly Activity Incoming = JsonSerializer.Deserialize<Activity>(
        JsonSerializer.Serialize(ActivityBuilder.Message("hi", "https://smba.trafficmanager.net/jp/", id: "in-1")), BotFrameworkJson.Options)!;

    [Fact]
    public void An_answer_is_markdown_text_addressed_back_to_the_user()
    {
        var activities = TeamsReplyRenderer.Render(FakeTurnHandler.Answer("You said: **bold**"), Incoming);

        var reply = Assert.Single(activities);
        Assert.Equal("message", reply.Type);
        Assert.Equal("markdown", reply.TextFormat);
        Assert.Equal("You said: **bold**", reply.Text);
        Assert.Equal(ActivityBuilder.UserId, reply.Recipient!.Id);
        Assert.Equal(ActivityBuilder.BotId, reply.From!.Id);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public void Choices_become_action_submit_buttons_on_an_adaptive_card_of_version_one_point_five()
    {
        var reply = FakeTurnHandler.Answer("x", [new ReplyChoice(new AskAboutIntent("a"), "Key permissions"), new ReplyChoice(new AskAboutIntent("b"), "Host key changed")]);

        var attachment = Assert.Single(Assert.Single(TeamsReplyRenderer.Render(reply, Incoming)).Attachments!);

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Action.Submit", "Action.Submit"], actions.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal(["Key permissions", "Host key changed"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal([new AskAboutIntent("a"), new AskAboutIntent("b")], actions.Select(a => TurnActionCodec.Decode(a.GetProperty("data").GetProperty("sshbotChoice").GetString())));
    }

    [Fact]
    public void A_long_answer_is_split_into_messages_within_the_teams_size_limit_and_the_card_rides_on_the_last()
    {
        var paragraph = string.Concat(Enumerable.Repeat("鍵のパーミッションを確認してください。", 60));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 40));
        var reply = FakeTurnHandler.Answer("You said: " + text, [new ReplyChoice(new AskAboutIntent("a"), "A")]);

        var activities = TeamsReplyRenderer.Render(reply, Incoming);

        Assert.True(activities.Count > 1);
        Assert.All(activities, a => Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(a, BotFrameworkJson.Options)) < 28 * 1024));
        Assert.All(activities.SkipLast(1), a => Assert.Null(a.Attachments));
        Assert.NotNull(activities[^1].Attachments);
        Assert.Equal(("You said: " + text).Replace("\n", ""), string.Concat(activities.Select(a => a.Text)).Replace("\n", ""));
    }

    [Fact]
    public void A_long_line_without_breaks_is_still_split()
    {
        var chunks = TeamsReplyRenderer.Split(new string('x', 50_000), 20_000);

        Assert.Equal([20_000, 20_000, 10_000], chunks.Select(c => c.Length));
    }
}
