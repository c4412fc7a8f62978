using SshSupportBot.Languages;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;

namespace SshSupportBot.Tests.Dialogue;

public sealed class LanguageKeeperTests
{
    [Theory]
    [InlineData("Linux")]
    [InlineData("ok")]
    [InlineData("still fails")]
    [InlineData("skip")]
    [InlineData("ssh -v taro@gw.ddbj.nig.ac.jp")]
    [InlineData("Permission denied (publickey).")]
    [InlineData("ｍａｃ")]
    [InlineData("1")]
    [InlineData("ssh: connect to host gw.ddbj.nig.ac.jp port 22: Connection refused\nCould not resolve hostname: Name or service not known")]
    public void Words_commands_and_pastes_keep_a_japanese_conversation_japanese(string text)
    {
        Assert.Equal(Language.Ja, LanguageKeeper.Choose(Language.Ja, text, pressedButton: false));
    }

    [Fact]
    public void A_real_english_sentence_switches_to_english()
    {
        Assert.Equal(Language.En, LanguageKeeper.Choose(Language.Ja, "sorry, can you answer me in English please", pressedButton: false));
    }

    [Theory]
    [InlineData("はい")]
    [InlineData("ログインできました")]
    public void Japanese_in_an_english_conversation_switches_to_japanese(string text)
    {
        Assert.Equal(Language.Ja, LanguageKeeper.Choose(Language.En, text, pressedButton: false));
    }

    [Fact]
    public void A_pasted_host_key_warning_with_ssh_s_own_sentences_is_not_evidence()
    {
        const string warning = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n" +
            "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\nSomeone could be eavesdropping on you right now (man-in-the-middle attack)!\n" +
            "Please contact your system administrator.";

        Assert.Equal(Language.Ja, LanguageKeeper.Choose(Language.Ja, warning, pressedButton: false));
    }
}
