using SshSupportBot.Languages;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Nlu;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("鍵の登録方法を教えてください", "ja")]
    [InlineData("Permission denied (publickey) が出ます", "ja")]
    [InlineData("ｿｳﾀﾞﾝ", "ja")]
    [InlineData("公開鍵", "ja")]
    [InlineData("How do I register my key?", "en")]
    [InlineData("user01@gw.ddbj.nig.ac.jp: Permission denied (publickey).", "en")]
    [InlineData("ＳＳＨ ｈｅｌｐ", "en")]
    public void Answers_in_the_language_the_user_wrote(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text).Code());
}
