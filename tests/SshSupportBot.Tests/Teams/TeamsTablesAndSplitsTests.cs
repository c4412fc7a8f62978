using SshSupportBot.Languages;
using System.Text;
using System.Text.Json;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

public sealed class TeamsTablesAndSplitsTests
{
    private static readonly Activity Incoming = JsonSerializer.Deserialize<Activity>(
        JsonSerializer.Serialize(ActivityBuilder.Message("hi", "https://smba.trafficmanager.net/jp/", id: "in-1")), BotFrameworkJson.Options)!;

    private static BotReply Reply(string text, params ReplyChoice[] choices) =>
        new(Language.En, new Classification("file-permissions", 1f, [], ClassificationSource.Pattern), text, choices, []);

    [Fact]
    public void A_table_becomes_an_adaptive_card_table_between_the_text_around_it()
    {
        var details = new KnowledgeBaseLoader().Load(RepositoryPaths.Intents).KnowledgeBase.Get("file-permissions").Details!.En;

        var activities = TeamsReplyRenderer.Render(Reply(details, new ReplyChoice(new ShowDetails("file-permissions"), "More")), Incoming);

        var tableActivity = Assert.Single(activities, a => a.Attachments?.Any(IsTable) == true);
        var table = tableActivity.Attachments!.Single(IsTable).Content!.Value.GetProperty("body")[0];
        Assert.Equal("1.5", tableActivity.Attachments!.Single(IsTable).Content!.Value.GetProperty("version").GetString());
        Assert.True(table.GetProperty("firstRowAsHeader").GetBoolean());
        Assert.Equal(8, table.GetProperty("rows").GetArrayLength());
        Assert.Equal("~/.ssh/known_hosts", table.GetProperty("rows")[6].GetProperty("cells")[0].GetProperty("items")[0].GetProperty("text").GetString());
        Assert.All(activities, a => Assert.DoesNotContain("|---", a.Text ?? ""));
        Assert.Contains("stat -c", activities[^1].Text);
        Assert.Equal("More", activities[^1].Attachments!.Last().Content!.Value.GetProperty("actions")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void A_code_block_cut_by_the_size_limit_is_closed_and_reopened_so_both_halves_stay_code()
    {
        var code = new StringBuilder("Run these:\n```\n");
        for (var i = 0; i < 400; i++)
        {
            code.Append("ssh-keygen -R host").Append(i).Append(".example.org\n");
        }
        code.Append("```\nDone.");

        var chunks = TeamsReplyRenderer.Split(code.ToString(), 4000);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(Encoding.UTF8.GetByteCount(c) <= 4000));
        Assert.All(chunks, c => Assert.True(c.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2 == 0, c));
        // Cut between lines: every command arrives whole.
        Assert.Equal(400, chunks.SelectMany(c => c.Split('\n')).Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ssh-keygen -R host\d+\.example\.org$")));
    }

    private static bool IsTable(Attachment attachment) =>
        attachment.Content is { } card && card.GetProperty("body").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "Table");
}
