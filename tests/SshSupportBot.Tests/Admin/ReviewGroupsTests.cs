using SshSupportBot.Languages;
using SshSupportBot.Admin;
using SshSupportBot.Intents;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Admin;

public sealed class ReviewGroupsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static long _id;

    private static ReviewItem Item(string text, Language language = Language.En) =>
        new(++_id, text, language, null, 0.1f, ReviewReason.Declined, "slack", Start.AddMinutes(_id));

    [Fact]
    public void Questions_that_read_alike_are_one_group_counted_and_shown_by_their_first_question()
    {
        var groups = ReviewGroups.Group(
        [
            Item("how do I set up an ssh tunnel for jupyter"),
            Item("what is the best pizza in tokyo"),
            Item("How do I set up an SSH tunnel for Jupyter?"),
            Item("how to set up ssh tunnel for jupyter notebook"),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal(3, groups[0].Count);
        Assert.Equal("how do I set up an ssh tunnel for jupyter", groups[0].First.Text);
        Assert.Equal("what is the best pizza in tokyo", groups[1].First.Text);
    }

    [Fact]
    public void Japanese_questions_group_without_a_tokenizer()
    {
        var groups = ReviewGroups.Group([Item("ジュピターのトンネルの作り方", Language.Ja), Item("ジュピターのトンネルの作り方を教えて", Language.Ja), Item("ピザ屋を教えて", Language.Ja)]);

        Assert.Equal([2, 1], groups.Select(g => g.Count));
    }
}
