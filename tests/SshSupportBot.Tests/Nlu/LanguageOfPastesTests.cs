using SshSupportBot.Languages;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Nlu;

/// <summary>The reply language follows the user's words, never the language of a message their system printed.</summary>
public sealed class LanguageOfPastesTests
{
    [Fact]
    public void An_english_question_around_a_fenced_japanese_system_message_is_english()
    {
        var text = "My ssh from Windows fails, what does this mean?\n```\nssh: connect to host gw.ddbj.nig.ac.jp port 22: 接続がタイムアウトしました\n```";

        Assert.Equal(Language.En, LanguageDetector.Detect(text));
    }

    [Fact]
    public void An_english_question_with_a_pasted_japanese_windows_path_line_is_english()
    {
        var text = "ssh refuses my key, please help\nPermissions for 'C:\\\\Users\\\\田中/.ssh/id_ed25519' are too open.";

        Assert.Equal(Language.En, LanguageDetector.Detect(text));
    }

    [Fact]
    public void A_japanese_question_around_an_english_paste_stays_japanese()
    {
        var text = "ログインできません\n```\nPermission denied (publickey).\n```";

        Assert.Equal(Language.Ja, LanguageDetector.Detect(text));
    }

    [Fact]
    public void A_message_that_is_only_a_japanese_paste_is_judged_whole()
    {
        Assert.Equal(Language.Ja, LanguageDetector.Detect("```\n認証に失敗しました\n```"));
    }
}
