using SshSupportBot.Tests.Support;
using System.Text.Json;
using SshSupportBot.Conversations;
using SshSupportBot.Slack;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackBlockKitTests
{
    private static IReadOnlyList<SectionBlock> Sections(SlackMessage message) => message.Blocks.OfType<SectionBlock>().ToList();

    [Fact]
    public void Markdown_becomes_mrkdwn()
    {
        var message = SlackBlockKit.Render("## Fix\nUse **ssh-keygen** and see [the guide](https://sc.ddbj.nig.ac.jp/guides/ssh).\n- one\n- two", []).Single();

        var text = Sections(message).Single().Text.Text;
        Assert.Equal("*Fix*\nUse *ssh-keygen* and see <https://sc.ddbj.nig.ac.jp/guides/ssh|the guide>.\n• one\n• two", text);
        Assert.Equal("mrkdwn", Sections(message).Single().Text.Type);
    }

    [Fact]
    public void Code_blocks_are_kept_as_code_in_their_own_section()
    {
        var message = SlackBlockKit.Render("Run:\n```\nchmod 600 ~/.ssh/id_ed25519 && ls -l <dir>\n```\nThen retry.", []).Single();

        Assert.Equal(["Run:", "```\nchmod 600 ~/.ssh/id_ed25519 &amp;&amp; ls -l &lt;dir&gt;\n```", "Then retry."], Sections(message).Select(s => s.Text.Text));
    }

    [Fact]
    public void The_fallback_text_is_always_set()
    {
        var message = SlackBlockKit.Render("Hello **there**", [new ReplyChoice(new AskAboutIntent("a"), "Yes")]).Single();

        Assert.Contains("Hello *there*", message.Text);
        Assert.Contains("Yes", message.Text);
    }

    [Fact]
    public void A_long_answer_is_split_into_sections_within_the_limit_without_losing_text()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: " + new string('x', 400)).ToList();

        var messages = SlackBlockKit.Render(string.Join("\n\n", paragraphs), []);

        var sections = messages.SelectMany(Sections).ToList();
        Assert.All(sections, s => Assert.InRange(s.Text.Text.Length, 1, SlackBlockKit.MaxSectionText));
        Assert.All(paragraphs, p => Assert.Contains(sections, s => s.Text.Text.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_long_code_block_is_split_at_lines_and_every_piece_stays_fenced()
    {
        var code = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"debug1: line {i} of the ssh -vvv output"));

        var sections = SlackBlockKit.Render($"```\n{code}\n```", []).SelectMany(Sections).ToList();

        Assert.True(sections.Count > 1);
        Assert.All(sections, s =>
        {
            Assert.InRange(s.Text.Text.Length, 1, SlackBlockKit.MaxSectionText);
            Assert.StartsWith("```\n", s.Text.Text);
            Assert.EndsWith("\n```", s.Text.Text);
        });
        Assert.Equal(200, sections.Sum(s => s.Text.Text.Split('\n').Count(l => l.StartsWith("debug1:", StringComparison.Ordinal))));
    }

    [Fact]
    public void More_than_fifty_blocks_are_sent_as_several_messages_with_the_buttons_last()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 70).Select(i => $"```\nstep {i}\n```"));

        var messages = SlackBlockKit.Render(text, [new ReplyChoice(new ChooseOption("next"), "Next")]);

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Blocks.Count, 1, SlackBlockKit.MaxBlocks));
        Assert.Equal(71, messages.Sum(m => m.Blocks.Count));
        Assert.IsType<ActionsBlock>(messages[^1].Blocks[^1]);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m.Text)));
    }

    [Fact]
    public void Button_labels_are_truncated_to_75_characters_and_values_kept_whole()
    {
        var label = new string('あ', 100);

        var button = SlackBlockKit.Render("Pick one", [new ReplyChoice(new AskAboutIntent("key-register"), label)]).Single().Blocks.OfType<ActionsBlock>().Single().Elements.Single();

        Assert.Equal(75, button.Text.Text.Length);
        Assert.EndsWith("…", button.Text.Text);
        Assert.Equal("plain_text", button.Text.Type);
        Assert.Equal(new AskAboutIntent("key-register"), TurnActionCodec.Decode(button.Value));
    }

    [Fact]
    public void Buttons_get_unique_action_ids_and_at_most_25_per_actions_block()
    {
        var choices = Enumerable.Range(0, 30).Select(i => new ReplyChoice(new ChooseOption($"v{i}"), $"Choice {i}")).ToList();

        var actions = SlackBlockKit.Render("Pick", choices).Single().Blocks.OfType<ActionsBlock>().ToList();

        Assert.Equal([25, 5], actions.Select(a => a.Elements.Count));
        var ids = actions.SelectMany(a => a.Elements).Select(e => e.ActionId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith(SlackBlockKit.ChoiceActionPrefix, id));
    }

    [Fact]
    public void Blocks_serialize_to_slacks_wire_shape()
    {
        var message = SlackBlockKit.Render("Hi", [new ReplyChoice(new ChooseOption("v"), "Label")]).Single();

        var json = JsonSerializer.Serialize(message.Blocks, SlackJson.Options);

        var value = JsonSerializer.Serialize(Buttons.Encode(new ChooseOption("v")), SlackJson.Options);
        Assert.Equal(
            """[{"text":{"type":"mrkdwn","text":"Hi"},"type":"section"},{"block_id":"sshbot-choices-0","elements":[{"text":{"type":"plain_text","text":"Label"},"action_id":"sshbot-choice-0","value":""" + value + ""","type":"button"}],"type":"actions"}]""",
            json);
    }
}
