using SshSupportBot.Languages;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Nlu;

/// <summary>Messages written for these tests, not copied from intents/: the classifier must generalise to them.</summary>
public sealed class ClassifierTests
{
    public static TheoryData<string, string> InScope => new()
    {
        { "ssh でログインしようとすると Permission denied (publickey) になってしまいます", "permission-denied-publickey" },
        { "I keep getting permission denied publickey when connecting to gw", "permission-denied-publickey" },
        { "~/.ssh のパーミッションはいくつにすればいいですか", "file-permissions" },
        { "what mode should authorized_keys have?", "file-permissions" },
        { "秘密鍵と登録した公開鍵が対応しているか確かめる方法は？", "key-mismatch" },
        { "how can I check that my private key matches the public key I uploaded", "key-mismatch" },
        { "ログインするときのユーザー名は手元のPCの名前と同じでいいの？", "wrong-username" },
        { "which username should I use for the supercomputer, my laptop login is different", "wrong-username" },
        { "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! って出て入れません", "host-key-changed" },
        { "ssh says the remote host identification has changed, is that safe?", "host-key-changed" },
        { "初めて接続したら Are you sure you want to continue connecting と聞かれました。yes でいい？", "host-key-confirm" },
        { "first time connecting it asks are you sure you want to continue connecting (yes/no)", "host-key-confirm" },
        { "しばらく放置すると ssh の接続が切れてしまいます", "connection-drops" },
        { "my ssh session keeps disconnecting after a few minutes idle", "connection-drops" },
        { "PowerShell からは入れるのに WSL の Ubuntu からだと入れません", "wsl-login" },
        { "login works from powershell but not from wsl2 ubuntu", "wsl-login" },
        { "sshのログってどこに出ますか", "ssh-logs" },
        { "how do I get more verbose output from ssh to debug", "ssh-logs" },
        { "ゲートウェイノードで計算を流してもいいですか", "gateway-node" },
        { "can I run my analysis directly on the gateway node?", "gateway-node" },
        { "鍵ペアの作り方を教えてください", "key-generation" },
        { "how do I create an ssh key pair", "key-generation" },
        { "公開鍵はどこで登録すればいいですか", "key-registration" },
        { "where do I upload my public key for the supercomputer account", "key-registration" },
        { "Permissions 0644 for '/home/taro/.ssh/id_ed25519' are too open. と言われた", "unprotected-private-key" },
        { "it says my private key file permissions are too open", "unprotected-private-key" },
        { "毎回パスフレーズを聞かれるのが面倒です", "passphrase" },
        { "I forgot the passphrase of my key", "passphrase" },
        { "Received disconnect: Too many authentication failures と表示されます", "too-many-auth-failures" },
        { "getting too many authentication failures error", "too-many-auth-failures" },
        { "ssh: connect to host gw.ddbj.nig.ac.jp port 22: Connection timed out になります", "connection-failed" },
        { "ssh: Could not resolve hostname gw.ddbj.nig.ac.jp: Name or service not known", "connection-failed" },
        { "~/.ssh/config の書き方を教えて", "ssh-config" },
        { "how do I set up an alias in my ssh config so I can type ssh nig", "ssh-config" },
        { "Windows の PowerShell で鍵のパーミッションを直すには？", "windows-openssh" },
        { "how do I start the ssh-agent service on windows 11", "windows-openssh" },
        { "no matching host key type found. Their offer: ssh-rsa と出ます", "key-algorithm" },
        { "my old dsa key is refused, no mutual signature algorithm", "key-algorithm" },
        { "間違えて秘密鍵を Slack に貼ってしまいました", "private-key-exposed" },
        { "I accidentally pushed my id_rsa to a public github repo", "private-key-exposed" },
        { "このボットは何ができますか", "bot-help" },
        { "what can you help me with", "bot-help" },
        { "こんにちは", "greeting" },
        { "hi there", "greeting" },
        { "解決しました、ありがとうございます！", "thanks" },
        { "that fixed it, thanks a lot", "thanks" },
    };

    public static TheoryData<string> OutOfScope => new()
    {
        "ジョブがキューに入ったまま動きません",
        "qsub で投げたジョブのメモリ上限を変えたい",
        "ホームディレクトリの容量制限はいくつですか",
        "conda で samtools をインストールしたい",
        "今日のお昼ご飯なにがいいかな",
        "how do I submit an array job with slurm",
        "what is the disk quota for my home directory",
        "can you recommend a good restaurant near the campus",
        "my R script crashes with a segmentation fault",
        "how do I cite the supercomputer in my paper",
        "what is the meaning of life",
    };

    [Theory]
    [MemberData(nameof(InScope))]
    public void Recognises_each_catalogue_intent(string text, string intent)
    {
        var reply = TrainedBot.Runtime.Answerer.Answer(text);

        Assert.Equal(intent, reply.Classification.Intent);
        Assert.Equal(LanguageDetector.Detect(text), reply.Language);
        // A narrow question (one file's mode) gets the intent's fact about it; any other question, the short answer.
        var definition = TrainedBot.Runtime.KnowledgeBase.Get(intent);
        var expected = IntentFacts.Asked(definition, text)?.Answer ?? definition.Answer;
        if (reply.Findings.Count == 0)
        {
            Assert.EndsWith(expected.For(reply.Language), reply.Text);
        }
        else
        {
            // After findings with their fix, the answer adds only its opening "why"; the rest is behind "More".
            Assert.Contains(expected.For(reply.Language).Split('\n')[0][..40], reply.Text);
        }
    }

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public void Declines_questions_that_are_not_about_ssh_access(string text)
    {
        var reply = TrainedBot.Runtime.Answerer.Answer(text);

        Assert.Equal(IntentDefinition.OutOfScopeId, reply.Classification.Intent);
        Assert.Contains(reply.Language == Language.Ja ? "ヘルプデスク" : "helpdesk", reply.Text);
        // Nothing here is close to an SSH topic, so "did you mean" choices would only be noise.
        Assert.Empty(reply.Choices);
    }

    [Fact]
    public void A_pasted_error_is_recognised_by_its_pattern_with_full_confidence()
    {
        var classification = TrainedBot.Runtime.Answerer.Classifier.Classify("user01@gw.ddbj.nig.ac.jp: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).");

        Assert.Equal("permission-denied-publickey", classification.Intent);
        Assert.Equal(ClassificationSource.Pattern, classification.Source);
        Assert.Equal(1f, classification.Confidence);
    }
}
