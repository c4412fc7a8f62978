using SshSupportBot.Tests.Support;
using SshSupportBot.Conversations;
using System.Text.Json;
using SshSupportBot.Teams;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

public sealed class ActivityMapperTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/jp/";

    private static Activity Wire(object activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.Serialize(activity), BotFrameworkJson.Options)!;

    [Fact]
    public void A_message_becomes_a_turn_with_the_mention_of_the_bot_removed()
    {
        var activity = Wire(ActivityBuilder.Message("<at>SSH bot</at> Permission denied (publickey)", ServiceUrl, id: "act-1"));

        var turn = Assert.IsType<InboundAction.Turn>(ActivityMapper.Map(activity));

        Assert.Equal("Permission denied (publickey)", turn.Message.Text);
        Assert.Equal("teams", turn.Message.Channel);
        Assert.Equal(ActivityBuilder.ConversationId, turn.Message.ConversationId);
        Assert.Equal(ActivityBuilder.UserId, turn.Message.UserId);
        Assert.Equal("act-1", turn.Message.EventId);
        Assert.False(turn.Message.IsChoice);
    }

    [Fact]
    public void A_message_that_is_only_a_mention_is_ignored()
    {
        var activity = Wire(ActivityBuilder.Message("<at id=\"0\">SSH bot</at>", ServiceUrl));

        Assert.IsType<InboundAction.Ignore>(ActivityMapper.Map(activity));
    }

    [Fact]
    public void An_action_submit_from_the_bots_card_becomes_a_choice_turn()
    {
        var activity = Wire(ActivityBuilder.Submit(Buttons.Encode(new AskAboutIntent("key-permissions")), ServiceUrl));

        var turn = Assert.IsType<InboundAction.Turn>(ActivityMapper.Map(activity));

        Assert.Equal(new AskAboutIntent("key-permissions"), turn.Message.Action);
        Assert.True(turn.Message.IsChoice);
    }

    [Fact]
    public void A_message_back_with_display_text_and_the_choice_in_its_value_becomes_a_choice_turn()
    {
        var activity = Wire(ActivityBuilder.Submit(Buttons.Encode(new AskAboutIntent("key-permissions")), ServiceUrl)) with { Text = "Key permissions" };

        var turn = Assert.IsType<InboundAction.Turn>(ActivityMapper.Map(activity));

        Assert.Equal(new AskAboutIntent("key-permissions"), turn.Message.Action);
        Assert.True(turn.Message.IsChoice);
    }

    [Fact]
    public void An_adaptive_card_action_invoke_becomes_a_choice_turn()
    {
        var activity = Wire(ActivityBuilder.AdaptiveCardInvoke(Buttons.Encode(new AskAboutIntent("host-key-changed")), ServiceUrl));

        var turn = Assert.IsType<InboundAction.Turn>(ActivityMapper.Map(activity));

        Assert.Equal(new AskAboutIntent("host-key-changed"), turn.Message.Action);
        Assert.True(turn.Message.IsChoice);
    }

    [Fact]
    public void A_conversation_update_greets_the_new_members_but_not_the_bot_itself()
    {
        var activity = Wire(ActivityBuilder.MembersAdded(ServiceUrl, "update-1", ActivityBuilder.BotId, "29:alice", "29:bob"));

        var greet = Assert.IsType<InboundAction.Greet>(ActivityMapper.Map(activity));

        Assert.Equal(["29:alice", "29:bob"], greet.Members.Select(m => m.Id));
    }

    [Fact]
    public void A_conversation_update_that_only_adds_the_bot_is_ignored()
    {
        var activity = Wire(ActivityBuilder.MembersAdded(ServiceUrl, "update-2", ActivityBuilder.BotId));

        Assert.IsType<InboundAction.Ignore>(ActivityMapper.Map(activity));
    }

    [Fact]
    public void Typing_and_other_activity_types_are_ignored()
    {
        var activity = Wire(ActivityBuilder.Message("", ServiceUrl)) with { Type = "typing" };

        Assert.IsType<InboundAction.Ignore>(ActivityMapper.Map(activity));
    }

    [Fact]
    public void Unknown_fields_are_kept_in_the_extension_data()
    {
        var activity = Wire(ActivityBuilder.Message("hi", ServiceUrl));

        Assert.True(activity.Extra!.ContainsKey("entities"));
        Assert.True(activity.Conversation!.Extra is null || !activity.Conversation.Extra.ContainsKey("tenantId"));
        Assert.Equal("tenant", activity.Conversation.TenantId);
    }
}
