using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using SshSupportBot.Intents;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Intents;

public sealed class IntentDetailsAndFactsTests : IDisposable
{
    private readonly IntentsDirectory _intents = new();

    public void Dispose() => _intents.Dispose();

    private KnowledgeBaseLoadResult Load() => new KnowledgeBaseLoader().Load(_intents.Path);

    private const string Facts = """
        facts:
          - about: [known_hosts]
            answer:
              ja: known_hosts は 600 または 644
              en: known_hosts is 600 or 644
          - about: [id_ed25519.pub, 公開鍵]
            answer:
              ja: 公開鍵は 644
              en: the public key is 644
          - about: [id_ed25519, 秘密鍵]
            answer:
              ja: 秘密鍵は 600
              en: the private key is 600

        """;

    private IntentDefinition PermissionsWithFacts()
    {
        _intents.WriteIntent("file-permissions", extra: Facts);
        return Load().KnowledgeBase.Get("file-permissions");
    }

    [Fact]
    public void Details_are_read_in_both_languages()
    {
        _intents.WriteIntent("greeting", extra: "details:\n  ja: 詳しい説明\n  en: the long story\n");

        var intent = Load().KnowledgeBase.Get("greeting");

        Assert.Equal(new BilingualText("詳しい説明", "the long story"), intent.Details);
    }

    [Fact]
    public void Details_in_one_language_only_is_an_error_that_names_the_fix()
    {
        _intents.WriteIntent("greeting", extra: "details:\n  ja: 詳しい説明\n");

        var result = Load();

        Assert.Contains("intents/greeting.yaml:42: error: intent 'greeting': there is no English details. Add 'en:' under 'details'.",
            result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void A_first_answer_longer_than_a_phone_screen_is_warned_about_with_the_fix()
    {
        _intents.WriteIntent("greeting");
        var path = Path.Combine(_intents.Path, "greeting.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("ja: greeting の答え", "ja: " + new string('あ', 601)));

        var result = Load();

        Assert.Contains("intents/greeting.yaml:39: warning: intent 'greeting': the Japanese text is 601 characters, over the target of 600. "
            + "'answer' is the first reply and should fit a phone screen: lead with what is wrong and the one command that fixes it, "
            + "and move the background, other checks and tables to 'details:'.", result.Issues.Select(i => i.ToString()));
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void A_word_that_names_two_facts_is_an_error()
    {
        _intents.WriteIntent("file-permissions", extra: "facts:\n  - about: [config]\n    answer: {ja: a, en: a}\n  - about: [Config]\n    answer: {ja: b, en: b}\n");

        var result = Load();

        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Message.StartsWith("the word 'Config' already names the fact at intents/file-permissions.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fact_without_about_words_is_an_error()
    {
        _intents.WriteIntent("file-permissions", extra: "facts:\n  - answer: {ja: a, en: a}\n");

        var result = Load();

        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Message.StartsWith("this fact has no 'about:' words.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("known_hostsのパーミッションは？", "known_hosts is 600 or 644")]
    [InlineData("ＫＮＯＷＮ＿ＨＯＳＴＳ は何番？", "known_hosts is 600 or 644")]
    [InlineData("id_ed25519.pub の権限は 644 で問題ない？", "the public key is 644")]
    [InlineData("what mode for id_ed25519?", "the private key is 600")]
    public void A_question_about_one_thing_gets_that_fact(string question, string answer)
    {
        Assert.Equal(answer, IntentFacts.Asked(PermissionsWithFacts(), question)?.Answer.En);
    }

    [Theory]
    [InlineData("秘密鍵と known_hosts のパーミッション")]
    [InlineData("ssh のファイルのパーミッション一覧がほしい")]
    [InlineData("my_id_ed25519_backup permissions")]
    public void A_question_about_several_things_or_none_gets_no_fact(string question)
    {
        Assert.Null(IntentFacts.Asked(PermissionsWithFacts(), question));
    }

    [Fact]
    public void A_long_paste_is_never_read_as_a_narrow_question()
    {
        Assert.Null(IntentFacts.Asked(PermissionsWithFacts(), "known_hosts " + new string('x', IntentFacts.MaxQuestionLength)));
    }
}
