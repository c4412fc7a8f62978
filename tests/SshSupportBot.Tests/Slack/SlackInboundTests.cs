using SshSupportBot.Tests.Support;
using SshSupportBot.Conversations;
using System.Text.Json;
using SshSupportBot.Slack;
using SshSupportBot.Tests.Slack.Support;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackInboundTests
{
    private static SlackMapping MapEvent(object payload, string? botUserId = "UBOT") =>
        SlackInbound.Map(new SlackInboundPayload.Event(JsonSerializer.Deserialize<EventsApiEnvelope>(SlackPayloads.Json(payload), SlackJson.Options)!), botUserId);

    [Fact]
    public void An_app_mention_becomes_a_slack_turn_without_the_mention()
    {
        var turn = MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> Permission denied (publickey) と出ます")).Turn!;

        Assert.Equal("slack", turn.Message.Channel);
        Assert.Equal("Permission denied (publickey) と出ます", turn.Message.Text);
        Assert.Equal("U123", turn.Message.UserId);
        Assert.Equal("Ev1", turn.Message.EventId);
        Assert.False(turn.Message.IsChoice);
    }

    [Fact]
    public void A_mention_with_a_display_name_is_stripped_too()
    {
        Assert.Equal("help me", MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT|sshbot> help me")).Turn!.Message.Text);
    }

    [Fact]
    public void A_mention_in_the_middle_leaves_one_space_and_pasted_spacing_alone()
    {
        Assert.Equal("see this: debug1:   Offering public key", MapEvent(SlackPayloads.AppMention("Ev1", "see this: <@UBOT> debug1:   Offering public key")).Turn!.Message.Text);
    }

    [Fact]
    public void A_mention_at_the_top_level_is_answered_in_a_new_thread_under_it()
    {
        var turn = MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> hi", ts: "111.222")).Turn!;

        Assert.Equal(new SlackReplyTarget("C123", "111.222"), turn.Target);
        Assert.Equal("T1:C123:111.222", turn.Message.ConversationId);
    }

    [Fact]
    public void A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        var turn = MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> hi", ts: "111.999", threadTs: "111.222")).Turn!;

        Assert.Equal("111.222", turn.Target.ThreadTs);
        Assert.Equal("T1:C123:111.222", turn.Message.ConversationId);
    }

    [Fact]
    public void A_direct_message_is_answered_in_the_dm_itself()
    {
        var turn = MapEvent(SlackPayloads.DirectMessage("Ev2", "how do I register a key?")).Turn!;

        Assert.Equal(new SlackReplyTarget("D123", null), turn.Target);
        Assert.Equal("T1:D123:im", turn.Message.ConversationId);
    }

    [Fact]
    public void Messages_from_bots_are_ignored()
    {
        Assert.Null(MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> hi", botId: "B999")).Turn);
        Assert.Null(MapEvent(SlackPayloads.DirectMessage("Ev2", "hi", botId: "B999")).Turn);
    }

    [Fact]
    public void The_bots_own_messages_are_ignored_even_without_a_bot_id()
    {
        Assert.Null(MapEvent(SlackPayloads.DirectMessage("Ev2", "hi", user: "UBOT")).Turn);
    }

    [Theory]
    [InlineData("message_changed")]
    [InlineData("message_deleted")]
    [InlineData("bot_message")]
    [InlineData("channel_join")]
    public void Edits_and_other_subtypes_are_ignored(string subtype)
    {
        Assert.Null(MapEvent(SlackPayloads.DirectMessage("Ev2", "hi", subtype: subtype)).Turn);
    }

    [Fact]
    public void Plain_channel_messages_are_left_to_the_app_mention_event()
    {
        Assert.Null(MapEvent(SlackPayloads.DirectMessage("Ev2", "hi", channelType: "channel")).Turn);
    }

    [Fact]
    public void A_url_verification_is_not_a_turn()
    {
        Assert.Null(MapEvent(new { type = "url_verification", challenge = "abc" }).Turn);
    }

    [Fact]
    public void Retries_of_one_event_share_their_dedupe_keys()
    {
        var first = MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> hi")).Turn!;
        var retry = MapEvent(SlackPayloads.AppMention("Ev1", "<@UBOT> hi")).Turn!;

        Assert.Equal(first.DedupeKeys, retry.DedupeKeys);
    }

    [Fact]
    public void A_button_press_becomes_the_next_turn_with_the_choice_value()
    {
        var payload = JsonSerializer.Deserialize<InteractionPayload>(SlackPayloads.Json(SlackPayloads.BlockActions(Buttons.KeyRegister, "https://hooks.slack.com/x")), SlackJson.Options)!;

        var turn = SlackInbound.Map(new SlackInboundPayload.Interaction(payload), null).Turn!;

        Assert.True(turn.Message.IsChoice);
        Assert.Equal(new AskAboutIntent("key-register"), turn.Message.Action);
        Assert.Equal("T1:C123:1700000001.000100", turn.Message.ConversationId);
        Assert.Equal(new SlackReplyTarget("C123", "1700000001.000100"), turn.Target);
    }

    [Fact]
    public void A_button_on_an_ephemeral_message_is_answered_through_its_response_url()
    {
        var payload = JsonSerializer.Deserialize<InteractionPayload>(SlackPayloads.Json(SlackPayloads.BlockActions(Buttons.Encode(new ChooseOption("v")), "https://hooks.slack.com/x", ephemeral: true, threadTs: null)), SlackJson.Options)!;

        var turn = SlackInbound.Map(new SlackInboundPayload.Interaction(payload), null).Turn!;

        Assert.Equal("https://hooks.slack.com/x", turn.Target.ResponseUrl);
    }

    [Fact]
    public void A_slash_command_with_a_question_becomes_a_turn_answered_through_the_response_url()
    {
        var slash = new SlashCommand { Command = "/ssh-help", Text = "  Permission denied  ", TeamId = "T1", ChannelId = "C9", UserId = "U1", ResponseUrl = "https://hooks.slack.com/c", TriggerId = "tr1" };

        var turn = SlackInbound.Map(new SlackInboundPayload.Command(slash), null).Turn!;

        Assert.Equal("Permission denied", turn.Message.Text);
        Assert.Equal("https://hooks.slack.com/c", turn.Target.ResponseUrl);
    }

    [Fact]
    public void A_slash_command_without_a_question_is_not_a_turn()
    {
        var slash = new SlashCommand { Command = "/ssh-help", Text = "", ChannelId = "C9", UserId = "U1" };

        Assert.Null(SlackInbound.Map(new SlackInboundPayload.Command(slash), null).Turn);
    }
}
