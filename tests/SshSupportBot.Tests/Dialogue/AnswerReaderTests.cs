using SshSupportBot.Dialogue;

namespace SshSupportBot.Tests.Dialogue;

public sealed class AnswerReaderTests
{
    private static readonly AnswerReader Reader = DialogueData.Shipped.Reader;
    private static readonly AnswerKind[] YesNo = [AnswerKind.Yes, AnswerKind.No];
    private static readonly AnswerKind[] Outcomes = [AnswerKind.Fixed, AnswerKind.StillFailing, AnswerKind.Unsure];

    [Theory]
    [InlineData("はい")]
    [InlineData("ええ、お願いします")]
    [InlineData("うん")]
    [InlineData("お願いします！")]
    [InlineData("yes please")]
    [InlineData("Yep")]
    [InlineData("sure, go ahead")]
    [InlineData("ok")]
    [InlineData("ｏｋ")]
    public void Ways_of_saying_yes_are_yes(string reply)
    {
        Assert.Equal(AnswerKind.Yes, Reader.Read(reply, YesNo));
    }

    [Theory]
    [InlineData("いいえ")]
    [InlineData("結構です")]
    [InlineData("いえ、大丈夫です")]
    [InlineData("no thanks")]
    [InlineData("Nope.")]
    [InlineData("not now")]
    public void Ways_of_saying_no_are_no(string reply)
    {
        Assert.Equal(AnswerKind.No, Reader.Read(reply, YesNo));
    }

    [Theory]
    [InlineData("直りました", "Fixed")]
    [InlineData("ログインできました！", "Fixed")]
    [InlineData("works now", "Fixed")]
    [InlineData("まだダメです", "StillFailing")]
    [InlineData("still fails", "StillFailing")]
    [InlineData("nope, still the same error", "StillFailing")]
    [InlineData("わかりません", "Unsure")]
    [InlineData("not sure", "Unsure")]
    public void Outcome_words_of_a_step_are_read_as_the_outcome(string reply, string kind)
    {
        Assert.Equal(Enum.Parse<AnswerKind>(kind), Reader.Read(reply, Outcomes));
    }

    [Fact]
    public void The_same_word_is_read_as_what_the_question_expects()
    {
        Assert.Equal(AnswerKind.No, Reader.Read("違います", YesNo));
        Assert.Equal(AnswerKind.Different, Reader.Read("違います", [AnswerKind.Same, AnswerKind.Different]));
    }

    [Fact]
    public void A_clear_closing_word_wins_over_the_expected_kinds()
    {
        Assert.Equal(AnswerKind.Done, Reader.Read("ありがとうございました、あとは自分でやってみます", YesNo, [AnswerKind.Fixed, AnswerKind.Done]));
        Assert.Equal(AnswerKind.Fixed, Reader.Read("はい、ログインできました", YesNo, [AnswerKind.Fixed, AnswerKind.Done]));
    }

    [Theory]
    [InlineData("how do I generate a key for the supercomputer gateway")]
    [InlineData("鍵の作り方を教えてください")]
    [InlineData("Permission denied (publickey)\nPermission denied (publickey)")]
    [InlineData("")]
    public void A_question_or_a_paste_is_not_an_answer(string text)
    {
        Assert.Null(Reader.Read(text, YesNo));
    }
}
