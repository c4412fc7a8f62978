using SshSupportBot.Languages;
using System.Text;
using SshSupportBot.Diagnostics;
using SshSupportBot.Nlu;
using SshSupportBot.Tests.Diagnostics;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Robustness;

/// <summary>Text that once crashed a turn: astral characters at a window's cut points, and numbers past <c>int</c>.</summary>
public sealed class OddTextTests
{
    static OddTextTests()
    {
        _ = TrainedBot.Runtime;
    }

    /// <summary>A long question with an emoji across the classifier's head cut and a rare kanji across its tail cut.</summary>
    private static string AstralAtBothCuts()
    {
        const string question = "Permission denied (publickey) when I log in to the gateway, what should I do? ";
        var head = new StringBuilder();
        while (head.Length < 999)
        {
            head.Append(question);
        }
        var text = new StringBuilder(head.ToString(0, 999)).Append("😀");
        text.Append(' ', 500).Append("𠮷");
        var tail = new StringBuilder();
        while (tail.Length < 2999)
        {
            tail.Append(question);
        }
        return text.Append(tail.ToString(0, 2999)).ToString();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void The_classifier_window_never_cuts_an_emoji_or_a_rare_kanji_in_half()
    {
        var text = AstralAtBothCuts();

        Assert.False(HasLoneSurrogate(PasteWindow.ForClassifier(text)));
    }

    [Fact]
    public void Neither_window_leaves_half_a_character_wherever_an_astral_character_falls()
    {
        for (var offset = 0; offset < 4; offset++)
        {
            var text = new string('x', offset) + string.Concat(Enumerable.Repeat("😀", 2_000_001 / 2));
            Assert.False(HasLoneSurrogate(PasteWindow.ForClassifier(text)), $"classifier window, offset {offset}");
            Assert.False(HasLoneSurrogate(PasteWindow.Trim(text)), $"paste window, offset {offset}");
        }
    }

    [Fact]
    public void The_normalizer_reads_a_lone_surrogate_as_a_replacement_character()
    {
        var normalized = TextNormalizer.Normalize("ssh \ud83d key \udc00 error");

        Assert.Equal("ssh \ufffd key \ufffd error", normalized);
    }

    [Fact]
    public void A_question_with_an_astral_character_at_the_cut_point_is_classified()
    {
        var classification = TrainedBot.Runtime.Answerer.Classifier.Classify(AstralAtBothCuts());

        Assert.Equal("permission-denied-publickey", classification.Intent);
    }

    [Theory]
    [InlineData("debug1: Connecting to gw.ddbj.nig.ac.jp [133.39.1.1] port 99999999999.\ndebug1: Authenticating to gw.ddbj.nig.ac.jp:99999999999 as 'taro'\ntaro@gw.ddbj.nig.ac.jp: Permission denied (publickey).")]
    [InlineData("ssh -p 99999999999 taro@gw.ddbj.nig.ac.jp\nssh: connect to host gw.ddbj.nig.ac.jp port 99999999999: Connection refused")]
    [InlineData("ssh -o Port=4294967296 taro@gw.ddbj.nig.ac.jp\nHost key verification failed.")]
    [InlineData("ssh [gw.ddbj.nig.ac.jp]:99999999999\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @")]
    public void A_port_past_int_in_a_paste_is_no_port_rather_than_a_crash(string paste)
    {
        var findings = Paste.Diagnose(paste);

        Assert.NotEmpty(findings);
        Assert.DoesNotContain(findings, f => f.HostKey is { Port: > 65535 or < 1 });
    }

    [Fact]
    public async Task Ask_answers_a_question_with_an_astral_character_at_the_cut_point()
    {
        var result = await CliRunner.RunAsync(["ask", "--json", AstralAtBothCuts()]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"intent\"", result.Output);
    }

    [Fact]
    public async Task Classify_reads_an_astral_character_at_the_cut_point_and_a_port_past_int()
    {
        var input = AstralAtBothCuts() + "\nssh: connect to host gw.ddbj.nig.ac.jp port 99999999999: Connection refused\n";

        var result = await CliRunner.RunAsync(["classify"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Diagnose_reads_a_port_past_int_and_an_astral_character_at_the_cut_point()
    {
        var input = "debug1: Connecting to gw.ddbj.nig.ac.jp [133.39.1.1] port 99999999999.\n" + AstralAtBothCuts()
            + "\ntaro@gw.ddbj.nig.ac.jp: Permission denied (publickey).\n";

        var result = await CliRunner.RunAsync(["diagnose", "--json"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("publickey-denied", result.Output);
    }
}
