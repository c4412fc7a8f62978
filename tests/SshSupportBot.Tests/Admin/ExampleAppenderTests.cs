using SshSupportBot.Languages;
using SshSupportBot.Admin;
using SshSupportBot.Intents;

namespace SshSupportBot.Tests.Admin;

public sealed class ExampleAppenderTests
{
    private const string File = """
        version: 1
        id: quota
        # The wording users really use; keep the most common first.
        examples:
          ja:
            - "容量が足りない"   # seen often
            - 容量オーバー

          en:
            - "disk quota exceeded"
            # from Slack, 2026-10
            - out of space
        answer:
          ja: 答え
          en: answer

        """;

    [Fact]
    public void An_english_example_goes_after_the_last_english_item_with_the_same_indentation()
    {
        var (text, error) = ExampleAppender.Append(File, "quota.yaml", Language.En, "no space left: home");

        Assert.Null(error);
        Assert.Equal(File.Replace("    - out of space\n", "    - out of space\n    - \"no space left: home\"\n"), text);
    }

    [Fact]
    public void A_japanese_example_goes_after_the_last_japanese_item_before_the_blank_line()
    {
        var (text, _) = ExampleAppender.Append(File, "quota.yaml", Language.Ja, "クォータ超過 #2");

        Assert.Equal(File.Replace("    - 容量オーバー\n", "    - 容量オーバー\n    - \"クォータ超過 #2\"\n"), text);
        Assert.Contains("# The wording users really use; keep the most common first.", text);
    }

    [Fact]
    public void Quotes_and_backslashes_are_escaped_for_yaml()
    {
        Assert.Equal("\"say \\\"hi\\\" C:\\\\Users\"", ExampleAppender.Quote("say \"hi\" C:\\Users"));
    }

    [Fact]
    public void A_file_without_the_language_list_is_explained_not_changed()
    {
        var (text, error) = ExampleAppender.Append("version: 1\nid: x\nexamples:\n  ja:\n    - a\n", "x.yaml", Language.En, "b");

        Assert.Null(text);
        Assert.Equal("x.yaml: 'examples:' has no block list 'en:'. Add 'en:' with one '- example' per line under 'examples:'.", error);
    }
}
