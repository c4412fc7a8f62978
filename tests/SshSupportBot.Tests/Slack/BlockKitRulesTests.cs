using SshSupportBot.Languages;
using System.Text.Json;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Slack;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Slack;

/// <summary>
/// Every answer and every details text of the real knowledge base, rendered for Slack and checked against the
/// Block Kit limits (https://api.slack.com/reference/block-kit/blocks): at most 50 blocks, section text at most
/// 3000 characters, button text 75 and value 2000; tables, which Slack does not render, must not reach it.
/// </summary>
public sealed class BlockKitRulesTests
{
    public static TheoryData<string, string, string> Texts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var intent in new KnowledgeBaseLoader().Load(RepositoryPaths.Intents).KnowledgeBase.Intents)
        {
            foreach (var language in new[] { Language.Ja, Language.En })
            {
                data.Add(intent.Id, "answer", intent.Answer.For(language));
                if (intent.Details is { } details)
                {
                    data.Add(intent.Id, "details", details.For(language));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_answer_renders_within_the_block_kit_rules(string intent, string part, string markdown)
    {
        var messages = SlackBlockKit.Render(markdown, [new ReplyChoice(new ShowDetails(intent), "詳しく / More")]);

        foreach (var message in messages)
        {
            AssertFollowsBlockKitRules(JsonSerializer.SerializeToElement<object>(message, SlackJson.Options), $"{intent} {part}");
        }
    }

    [Fact]
    public void The_permission_table_reaches_slack_as_a_list_not_pipes()
    {
        var details = new KnowledgeBaseLoader().Load(RepositoryPaths.Intents).KnowledgeBase.Get("file-permissions").Details!.En;

        var text = string.Join("\n", SlackBlockKit.Render(details, []).SelectMany(m => m.Blocks.OfType<SectionBlock>()).Select(s => s.Text.Text));

        Assert.Contains("• `~/.ssh/known_hosts` — What it is: host keys of servers you visited · Mode: 600 or 644 · Where it lives: client only", text);
        Assert.DoesNotContain("|---", text);
    }

    private static void AssertFollowsBlockKitRules(JsonElement message, string what)
    {
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.InRange(blocks.Count, 1, 50);
        Assert.InRange(message.GetProperty("text").GetString()!.Length, 1, 40_000);
        foreach (var block in blocks)
        {
            switch (block.GetProperty("type").GetString())
            {
                case "section":
                    var text = block.GetProperty("text");
                    Assert.Equal("mrkdwn", text.GetProperty("type").GetString());
                    var body = text.GetProperty("text").GetString()!;
                    Assert.InRange(body.Length, 1, 3000);
                    Assert.True(CountFences(body) % 2 == 0, $"{what}: a section cuts a code block open:\n{body}");
                    Assert.DoesNotContain("\n|", "\n" + body.Replace("```", ""), StringComparison.Ordinal);
                    break;
                case "actions":
                    var elements = block.GetProperty("elements").EnumerateArray().ToList();
                    Assert.InRange(elements.Count, 1, 25);
                    foreach (var button in elements)
                    {
                        Assert.InRange(button.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 75);
                        Assert.InRange(button.GetProperty("value").GetString()!.Length, 1, 2000);
                        Assert.InRange(button.GetProperty("action_id").GetString()!.Length, 1, 255);
                    }
                    break;
                default:
                    Assert.Fail($"{what}: unexpected block type {block.GetProperty("type")}");
                    break;
            }
        }
    }

    private static int CountFences(string text) => text.Split('\n').Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
}
