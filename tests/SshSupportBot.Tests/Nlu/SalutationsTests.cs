using SshSupportBot.Languages;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Nlu;

public sealed class SalutationsTests
{
    [Theory]
    [InlineData("お疲れ様です。スパコンにつながらなくて困ってます", "スパコンにつながらなくて困ってます")]
    [InlineData("お世話になっております。 公開鍵の登録方法を教えてください", "公開鍵の登録方法を教えてください")]
    [InlineData("hi team, my key is refused", "my key is refused")]
    public void Removes_an_opening_salutation_before_the_question(string text, string expected) =>
        Assert.Equal(expected, Salutations.StripLeading(TextNormalizer.Normalize(text)));

    [Theory]
    [InlineData("お疲れ様です")]
    [InlineData("hello!")]
    [InlineData("こんにちは、元気？")]
    public void Keeps_a_message_that_is_only_a_greeting(string text) =>
        Assert.Equal(TextNormalizer.Normalize(text), Salutations.StripLeading(TextNormalizer.Normalize(text)));
}
