using System.Text;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>A four-intent knowledge base written to a temp directory, enough for the real server to start and answer.</summary>
internal sealed class TinyKnowledgeBase : IDisposable
{
    public TinyKnowledgeBase()
    {
        Root = Directory.CreateTempSubdirectory("sshbot-slack-kb-").FullName;
        IntentsPath = Directory.CreateDirectory(Path.Combine(Root, "intents")).FullName;
        DataPath = Path.Combine(Root, "data");
        Write("publickey-denied", "公開鍵認証が拒否される", "Public key authentication is refused",
            ["Permission denied (publickey) と出ます", "publickey で拒否されます", "鍵でログインできません", "公開鍵認証に失敗します"],
            ["Permission denied (publickey) when I log in", "my key is refused", "public key login fails", "ssh says publickey denied"],
            "## 公開鍵が登録されているか確認してください\n**鍵の権限**を確認します。\n```\nchmod 600 ~/.ssh/id_ed25519\n```",
            "## Check that your public key is registered\nCheck the **key permissions**.\n```\nchmod 600 ~/.ssh/id_ed25519\n```",
            @"Permission denied \(publickey");
        Write("key-register", "公開鍵の登録方法", "How to register a public key",
            ["公開鍵の登録方法を教えて", "鍵を登録したい", "公開鍵はどこで登録しますか", "アカウントに鍵を追加"],
            ["how do I register my public key", "where do I upload my key", "add an ssh key to my account", "register key"],
            "[登録ページ](https://sc.ddbj.nig.ac.jp/) から登録してください。", "Register it on [the account page](https://sc.ddbj.nig.ac.jp/).", null);
        // Asking for a person is an intent like any other; without it no wording reaches a person.
        Write("human-handoff", "担当者に相談", "Talk to a person",
            ["担当者と話したい", "人に相談したいです", "管理者に連絡したい", "人間につないで"],
            ["I want to talk to a person", "talk to a human please", "can I speak to an admin", "get me someone from support"],
            "担当者につなぎます。", "I'll get you a person.", null);
        Write("out-of-scope", "対象外", "Out of scope",
            ["今日の天気は", "おすすめのラーメン屋", "株価を教えて", "映画の感想"],
            ["what is the weather", "recommend a restaurant", "stock prices today", "tell me a joke"],
            "SSH 接続以外の質問にはお答えできません。", "I only help with SSH access.", null);
    }

    public string Root { get; }

    public string IntentsPath { get; }

    public string DataPath { get; }

    private void Write(string id, string titleJa, string titleEn, string[] ja, string[] en, string answerJa, string answerEn, string? pattern)
    {
        var yaml = new StringBuilder();
        yaml.Append("version: 1\nid: ").Append(id).Append('\n');
        yaml.Append("title:\n  ja: '").Append(titleJa).Append("'\n  en: '").Append(titleEn).Append("'\n");
        yaml.Append("examples:\n  ja:\n");
        foreach (var example in Expand(ja))
        {
            yaml.Append("    - '").Append(example.Replace("'", "''")).Append("'\n");
        }
        yaml.Append("  en:\n");
        foreach (var example in Expand(en))
        {
            yaml.Append("    - '").Append(example.Replace("'", "''")).Append("'\n");
        }
        yaml.Append("answer:\n  ja: |\n").Append(Indent(answerJa)).Append("  en: |\n").Append(Indent(answerEn));
        if (pattern is not null)
        {
            yaml.Append("patterns:\n  - '").Append(pattern).Append("'\n");
        }
        File.WriteAllText(Path.Combine(IntentsPath, id + ".yaml"), yaml.ToString());
    }

    // Four phrasings, each in a few wrappers, reach the 15 examples per language the validator asks for.
    private static IEnumerable<string> Expand(string[] phrasings) =>
        phrasings.SelectMany(p => new[] { p, p + "?", "please: " + p, p + " (help)" });

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(l => "    " + l + "\n"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
