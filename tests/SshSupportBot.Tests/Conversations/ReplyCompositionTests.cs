using SshSupportBot.Dialogue;
using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Tests.Diagnostics;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Conversations;

/// <summary>Issue 14: a first reply says each thing once, leads with the fix and fits a phone screen.</summary>
public sealed partial class ReplyCompositionTests
{
    private static readonly Finding KeyTooOpen = new("private-key-mode", FindingSeverity.Error, "file-permissions",
        new BilingualText("秘密鍵が 644 です。", "Your private key is 644."), "/home/taro/.ssh/id_ed25519", "chmod 600 '/home/taro/.ssh/id_ed25519'");

    [Fact]
    public void After_findings_with_their_fix_the_answer_adds_only_its_opening_why()
    {
        var answer = "ssh ignores keys others can read. Fix the modes:\n```\nchmod 600 ~/.ssh/id_ed25519\nchmod 700 ~/.ssh\n```\nMore background.";

        var text = ReplyComposer.Compose(new ReplyParts(null, [KeyTooOpen], Pasted: true, answer), Language.En, DialogueData.Shipped.Phrases);

        Assert.Equal("*What your output shows*\n- Your private key is 644.\n```\nchmod 600 '/home/taro/.ssh/id_ed25519'\n```\n\nssh ignores keys others can read.", text);
    }

    [Fact]
    public void A_japanese_sentence_that_only_leads_into_the_left_out_block_is_left_out_too()
    {
        var answer = "SSH は他人が書き込めるファイルを使いません。次のように直してください。\n```\nchmod 700 ~/.ssh\n```";

        var text = ReplyComposer.Compose(new ReplyParts(null, [KeyTooOpen], Pasted: true, answer), Language.Ja, DialogueData.Shipped.Phrases);

        Assert.EndsWith("```\n\nSSH は他人が書き込めるファイルを使いません。", text);
    }

    [Fact]
    public void The_fixes_of_several_findings_come_as_one_block_to_copy()
    {
        var dir = new Finding("ssh-dir-mode", FindingSeverity.Error, "file-permissions", new BilingualText("755", "~/.ssh is 755."), null, "chmod 700 '/home/taro/.ssh'");

        var text = ReplyComposer.Compose(new ReplyParts(null, [KeyTooOpen, dir], Pasted: true, "Why."), Language.En, DialogueData.Shipped.Phrases);

        Assert.Equal("*What your output shows*\n- Your private key is 644.\n- ~/.ssh is 755.\n```\nchmod 600 '/home/taro/.ssh/id_ed25519'\nchmod 700 '/home/taro/.ssh'\n```\n\nWhy.", text);
    }

    [Fact]
    public void An_answer_block_whose_commands_were_all_shown_disappears_whole()
    {
        var advice = new ProbeAdvice("*Checked*", "Fix it.", "chmod 600 ~/.ssh/id_ed25519");

        var text = ReplyComposer.Compose(new ReplyParts(advice, [], Pasted: true, "Then:\n```\nchmod 600 /home/taro/.ssh/id_ed25519\n```\nDone."), Language.En, DialogueData.Shipped.Phrases);

        Assert.EndsWith("Then:\nDone.", text);
        Assert.Single(CodeLines(text), l => l.StartsWith("chmod 600", StringComparison.Ordinal));
    }

    [Fact]
    public void The_live_check_comes_first_and_its_command_is_not_repeated_below()
    {
        var advice = new ProbeAdvice("*Checked with the gateway itself: this is its real key*", "It matches.", "ssh-keygen -R gw.ddbj.nig.ac.jp");
        var parts = new ReplyParts(advice, [], Pasted: true, "Remove the old entry:\n```\nssh-keygen -R gw.ddbj.nig.ac.jp\n```");

        var text = ReplyComposer.Compose(parts, Language.En, DialogueData.Shipped.Phrases);

        Assert.StartsWith("*Checked with the gateway itself", text);
        Assert.Single(CodeLines(text), l => l.StartsWith("ssh-keygen -R", StringComparison.Ordinal));
    }

    [Fact]
    public void What_your_output_shows_appears_only_when_something_was_pasted()
    {
        var typed = ReplyComposer.Compose(new ReplyParts(null, [KeyTooOpen], Pasted: false, "answer"), Language.En, DialogueData.Shipped.Phrases);
        var pasted = ReplyComposer.Compose(new ReplyParts(null, [KeyTooOpen], Pasted: true, "answer"), Language.En, DialogueData.Shipped.Phrases);

        Assert.DoesNotContain("What your output shows", typed);
        Assert.StartsWith("Your private key is 644.", typed);
        Assert.StartsWith("*What your output shows*", pasted);
    }

    [Theory]
    [InlineData("known_hostsのパーミッションは？", "600 または 644")]
    [InlineData("known_hosts 600 or 644?", "600 or 644")]
    [InlineData("authorized_keys の権限は600でいいですか", "600")]
    public void A_narrow_question_gets_the_narrow_answer(string question, string expected)
    {
        var reply = TrainedBot.Runtime.Answerer.Answer(question);

        Assert.Equal("file-permissions", reply.Classification.Intent);
        Assert.Contains(expected, reply.Text);
        Assert.True(reply.Text.Length < 160, $"{reply.Text.Length} characters for a one-line question:\n{reply.Text}");
    }

    [Fact]
    public void More_gives_the_details_an_admin_wrote_behind_the_short_answer()
    {
        var details = TrainedBot.Runtime.Answerer.Details("file-permissions", Language.Ja);

        Assert.NotNull(details);
        Assert.Equal("file-permissions", details.Classification.Intent);
        Assert.Contains("known_hosts", details.Text);
        Assert.Contains("| パス（例） |", details.Text);
        Assert.DoesNotContain("What your output shows", details.Text);
    }

    [Fact]
    public void A_short_answer_with_details_offers_more_and_a_full_answer_does_not()
    {
        var shortened = TrainedBot.Runtime.Answerer.Answer("how do I make a new ssh key for the supercomputer");
        var whole = TrainedBot.Runtime.Answerer.Answer("こんにちは");

        Assert.Contains(shortened.Choices, c => c.Action == new ShowDetails("key-generation") && c.Label == "More");
        Assert.DoesNotContain(whole.Choices, c => c.Action is ShowDetails);
    }

    [Fact]
    public void Details_of_an_intent_that_no_longer_exists_are_null_not_an_error()
    {
        Assert.Null(TrainedBot.Runtime.Answerer.Details("no-such-intent", Language.En));
    }

    public static TheoryData<string> Pastes() => new()
    {
        "host-key-changed", "host-key-changed-v", "host-key-unknown-prompt", "private-key-too-open", "config-bad-permissions",
        "publickey-denied-wrong-key-v", "publickey-denied-wrong-user-v", "too-many-auth-failures-default", "stat-bad", "ls-la-bad",
        "connection-refused-v", "host-not-found", "key-algorithm-kex", "passphrase-wrong-tty",
    };

    [Theory]
    [MemberData(nameof(Pastes))]
    public void A_pasted_output_gets_a_first_reply_that_fits_and_shows_each_command_once(string fixture)
    {
        var reply = TrainedBot.Runtime.Answerer.Answer(Paste.Fixture(fixture));

        AssertShortAndOnce(reply, limit: 1500);
    }

    /// <summary>Written the way lab members type, in both languages; none of them is an example in intents/.</summary>
    public static TheoryData<string> Questions() => new()
    {
        "ssh で Permission denied (publickey) って言われてログインできません",
        "鍵を作り直したいんですけどどうすればいいですか",
        "公開鍵ってどこで登録するんでしたっけ",
        "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! と出て入れなくなりました",
        "しばらく放置すると接続が切れてしまいます",
        "WSL から遺伝研にログインしたい",
        "パスフレーズを毎回聞かれるのが面倒です",
        "gw.ddbj.nig.ac.jp に繋がりません、タイムアウトします",
        "ssh -v の見方を教えてください",
        "I get Permission denied (publickey) when I ssh to the gateway",
        "how do I make a new ssh key for the supercomputer",
        "where do I upload my public key?",
        "my ssh session keeps dropping after a few minutes idle",
        "Too many authentication failures when I connect, what's wrong",
        "is it ok to use my old rsa key? it says no mutual signature algorithm",
        "how do I set up ~/.ssh/config so I can just type ssh nig",
        "I accidentally pasted my private key in a slack channel",
        "how do I fix UNPROTECTED PRIVATE KEY FILE on windows",
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void A_typed_question_gets_a_first_reply_within_the_phone_target(string question)
    {
        var reply = TrainedBot.Runtime.Answerer.Answer(question);

        AssertShortAndOnce(reply, limit: reply.Language == Language.Ja ? 600 : 900);
    }

    [Fact]
    public async Task Every_reply_of_the_conversation_transcripts_fits_and_shows_each_command_once()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.transcript");

        var replies = await SshSupportBot.Cli.ReplyLengthReport.TranscriptsAsync(TrainedBot.Runtime, files, CancellationToken.None);

        Assert.True(replies.Count > 20);
        Assert.All(replies, r => AssertOnce(r.Text));
        Assert.All(replies, r => Assert.True(r.Length <= 1500, $"{r.Length} characters:\n{r.Text}"));
    }

    [Fact]
    public void Reply_length_percentiles_are_values_that_occurred()
    {
        var rows = SshSupportBot.Cli.ReplyLengthReport.Summarize(
            Enumerable.Range(1, 20).Select(i => new SshSupportBot.Cli.ReplyLengthReport.Sample("answers", Language.En, new string('x', i * 100))));

        var row = Assert.Single(rows);
        Assert.Equal((20, 1000, 1900, 2000, 11, 5), (row.Count, row.Median, row.P95, row.Max, row.OverTarget, row.OverLong));
    }

    private static void AssertOnce(string text)
    {
        var commands = CodeLines(text).Select(ReplyComposer.CommandKey).Where(k => k.Length > 0).ToList();
        Assert.True(commands.Count == commands.Distinct().Count(), "a command appears twice:\n" + text);
    }

    private static void AssertShortAndOnce(BotReply reply, int limit)
    {
        Assert.True(reply.Text.Length <= limit, $"{reply.Text.Length} characters (limit {limit}):\n{reply.Text}");
        var commands = CodeLines(reply.Text).Select(ReplyComposer.CommandKey).Where(k => k.Length > 0).ToList();
        Assert.True(commands.Count == commands.Distinct().Count(), "a command appears twice:\n" + reply.Text);
    }

    private static IEnumerable<string> CodeLines(string markdown)
    {
        foreach (Match block in CodeBlock().Matches(markdown))
        {
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex("```\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
