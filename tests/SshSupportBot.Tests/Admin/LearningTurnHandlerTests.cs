using SshSupportBot.Languages;
using SshSupportBot.Tests.Support;
using SshSupportBot.Conversations;
using SshSupportBot.Admin;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Admin;

public sealed class LearningTurnHandlerTests
{
    [Fact]
    public async Task An_answer_offers_thumbs_up_and_down_after_its_own_choices()
    {
        using var bot = new LearningBot();

        var reply = await bot.SendAsync("how do I generate an ssh key");

        Assert.Equal("key-generation", reply.Classification.Intent);
        Assert.Equal(2, reply.Choices.Count(FeedbackChoices.IsFeedback));
        Assert.True(FeedbackChoices.IsFeedback(reply.Choices[^1]));
        Assert.True(Assert.IsType<GiveFeedback>(reply.Choices[^2].Action).Helpful);
        Assert.False(Assert.IsType<GiveFeedback>(reply.Choices[^1].Action).Helpful);
    }

    [Fact]
    public async Task A_decline_offers_no_feedback_and_goes_to_the_review_queue()
    {
        using var bot = new LearningBot();

        var reply = await bot.SendAsync("what is the best pizza in tokyo");

        Assert.True(reply.Classification.IsOutOfScope);
        Assert.DoesNotContain(reply.Choices, FeedbackChoices.IsFeedback);
        var item = Assert.Single(await bot.Store.PendingAsync(CancellationToken.None));
        Assert.Equal(ReviewReason.Declined, item.Reason);
        Assert.Equal("what is the best pizza in tokyo", item.Text);
    }

    [Fact]
    public async Task Thumbs_down_is_recorded_puts_the_question_in_the_queue_and_offers_a_person()
    {
        using var bot = new LearningBot();
        var answer = await bot.SendAsync("how do I generate an ssh key");

        var reply = await bot.PressAsync(answer.Choices[^1]);

        Assert.Contains("Sorry that didn't help", reply.Text);
        Assert.IsType<RequestPerson>(Assert.Single(reply.Choices).Action);
        var item = Assert.Single(await bot.Store.PendingAsync(CancellationToken.None));
        Assert.Equal(ReviewReason.NotHelpful, item.Reason);
        Assert.Equal("key-generation", item.GuessedIntent);
        Assert.Equal("how do I generate an ssh key", item.Text);
        var stats = await bot.Store.StatsAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        Assert.Equal(1, stats.NotHelpful);
    }

    [Fact]
    public async Task A_second_press_of_the_same_button_changes_nothing()
    {
        using var bot = new LearningBot();
        var answer = await bot.SendAsync("how do I generate an ssh key");

        await bot.PressAsync(answer.Choices[^2]);
        var again = await bot.PressAsync(answer.Choices[^1]);

        Assert.Contains("already noted", again.Text);
        Assert.Empty(await bot.Store.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_thumbs_down_for_another_conversations_answer_is_refused()
    {
        using var bot = new LearningBot();
        var answer = await bot.SendAsync("how do I generate an ssh key", conversation: "C-victim");

        var forged = await bot.PressAsync(answer.Choices[^1], user: "U-other", conversation: "C-attacker");
        var own = await bot.PressAsync(answer.Choices[^1], conversation: "C-victim");

        Assert.Contains("another conversation", forged.Text);
        Assert.Contains("Sorry that didn't help", own.Text);
        var item = Assert.Single(await bot.Store.PendingAsync(CancellationToken.None));
        Assert.Equal(ReviewReason.NotHelpful, item.Reason);
        var stats = await bot.Store.StatsAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        Assert.Equal(1, stats.NotHelpful);
    }

    [Fact]
    public async Task Typed_plus_one_in_a_terminal_rates_the_last_answer()
    {
        using var bot = new LearningBot();
        await bot.SendAsync("how do I generate an ssh key", channel: "cli");

        var reply = await bot.SendAsync("+1", channel: "cli");

        Assert.Contains("Thanks for the feedback", reply.Text);
        Assert.Equal(1, (await bot.Store.StatsAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None)).Helpful);
    }

    [Fact]
    public async Task A_private_key_and_an_ip_address_in_a_question_never_reach_storage()
    {
        using var bot = new LearningBot(review: new ReviewSettings { MaskAccounts = [@"\bnig-\d{4}\b"] });
        var question = "pizza from 10.20.30.40 for nig-1234 please\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBxcWxxcWxxcWxxcWxxcWxxcWxxcWxxcWxxcWxxcWxxcQAAAJg=\n-----END OPENSSH PRIVATE KEY-----";

        var answer = await bot.SendAsync(question);
        await bot.PressAsync(answer.Choices[^1]);

        var stored = string.Join("\n", (await bot.Store.PendingAsync(CancellationToken.None)).Select(i => i.Text));
        Assert.NotEmpty(stored);
        Assert.DoesNotContain("10.20.30.40", stored);
        Assert.DoesNotContain("nig-1234", stored);
        Assert.DoesNotContain("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", stored);
        Assert.Contains(StoredText.IpPlaceholder, stored);
        Assert.Contains(StoredText.AccountPlaceholder, stored);
    }

    [Fact]
    public async Task Stats_count_turns_by_intent_and_language_and_the_out_of_scope_rate()
    {
        using var bot = new LearningBot();
        await bot.SendAsync("how do I generate an ssh key");
        await bot.SendAsync("公開鍵はどこで登録すればいいですか");
        await bot.SendAsync("what is the best pizza in tokyo");

        var stats = await bot.Store.StatsAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);

        Assert.Equal(3, stats.Turns);
        Assert.Equal(1, stats.Declined);
        Assert.Contains(("key-generation", SshSupportBot.Languages.Language.En, 1), stats.ByIntent);
        Assert.Contains(("key-registration", SshSupportBot.Languages.Language.Ja, 1), stats.ByIntent);
        Assert.Contains("33.3%", StatsText.Render(stats));
    }

    [Fact]
    public async Task Admin_commands_are_refused_politely_to_everyone_else_and_audited()
    {
        using var bot = new LearningBot(new AdminSettings { UserIds = new Dictionary<string, IReadOnlyList<string>> { ["slack"] = ["UADMIN"] } });

        var refused = await bot.SendAsync("admin stats", user: "USOMEONE");
        var allowed = await bot.SendAsync("admin stats", user: "UADMIN");

        Assert.Contains("only for the configured administrators", refused.Text);
        Assert.Contains("turns", allowed.Text);
    }

    [Fact]
    public async Task An_admin_lists_the_unanswered_questions_and_assigns_one_in_chat()
    {
        using var bot = new LearningBot(new AdminSettings { UserIds = new Dictionary<string, IReadOnlyList<string>> { ["slack"] = ["UADMIN"] } });
        await bot.SendAsync("what is the best pizza in tokyo");
        var id = (await bot.Store.PendingAsync(CancellationToken.None)).Single().Id;

        var unanswered = await bot.SendAsync("admin unanswered", user: "UADMIN");
        var assign = await bot.SendAsync($"admin assign {id} no-such-intent", user: "UADMIN");

        Assert.Contains("what is the best pizza in tokyo", unanswered.Text);
        Assert.Contains("There is no intent 'no-such-intent'", assign.Text);
    }

    [Fact]
    public async Task Asking_for_a_person_posts_a_redacted_summary_to_the_admin_channel()
    {
        using var bot = new LearningBot();
        await bot.SendAsync("how do I generate an ssh key from 192.168.1.20");

        var reply = await bot.SendAsync("I want to talk to a person");

        Assert.Contains("I've posted a summary of our conversation to the administrators", reply.Text);
        var posted = Assert.Single(bot.Notifier.Posted);
        Assert.Contains("Hand-off requested", posted);
        Assert.Contains("how do I generate an ssh key", posted);
        Assert.DoesNotContain("192.168.1.20", posted);
    }

    [Fact]
    public async Task Without_an_admin_channel_a_person_is_reached_through_the_helpdesk()
    {
        using var bot = new LearningBot(adminChannel: false);

        var reply = await bot.SendAsync("担当者と話したいです");

        Assert.Contains("担当者にはスパコンのヘルプデスク", reply.Text);
        Assert.DoesNotContain("要約を管理者に送った", reply.Text);
        Assert.Contains("```", reply.Text);
        Assert.Empty(bot.Notifier.Posted);
    }

    [Fact]
    public async Task A_flow_that_ends_in_a_handoff_posts_to_the_admin_channel()
    {
        using var bot = new LearningBot();
        var start = await bot.PressAsync(new StartFlow("host-key-changed"));
        var noMatch = start.Choices.Single(c => c.Label == "It doesn't match, or I can't find it");

        var end = await bot.PressAsync(noMatch);

        Assert.Equal(SshSupportBot.Flows.FlowEnd.Handoff, end.FlowEnded);
        Assert.Contains("a person will reply to you here", end.Text);
        Assert.Contains("Hand-off at the end of the `host-key-changed` checks", Assert.Single(bot.Notifier.Posted));
    }

    [Fact]
    public async Task Flow_prompts_offer_no_feedback()
    {
        using var bot = new LearningBot();

        var start = await bot.PressAsync(new StartFlow("host-key-changed"));

        Assert.DoesNotContain(start.Choices, FeedbackChoices.IsFeedback);
    }

    [Theory]
    [InlineData("admin stats", true)]
    [InlineData("admin", true)]
    [InlineData("ADMIN assign 3 ssh-config", true)]
    [InlineData("admin rights on the gateway?", false)]
    [InlineData("administrator contact", false)]
    public void Only_the_known_admin_verbs_are_commands(string text, bool isCommand)
    {
        Assert.Equal(isCommand, AdminCommands.IsCommand(text));
    }
}
