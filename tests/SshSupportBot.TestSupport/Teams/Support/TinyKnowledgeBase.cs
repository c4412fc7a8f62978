using System.Text;

namespace SshSupportBot.Tests.Teams.Support;

/// <summary>A three-intent knowledge base in a temporary directory, enough for the real server to train and answer.</summary>
internal sealed class TinyKnowledgeBase : IDisposable
{
    private TinyKnowledgeBase(string root)
    {
        Root = root;
        IntentsPath = Path.Combine(root, "intents");
        DataDirectory = Path.Combine(root, "data");
        Directory.CreateDirectory(IntentsPath);
        Directory.CreateDirectory(DataDirectory);
    }

    public string Root { get; }

    public string IntentsPath { get; }

    public string DataDirectory { get; }

    public static TinyKnowledgeBase Create()
    {
        var kb = new TinyKnowledgeBase(Path.Combine(Path.GetTempPath(), "sshbot-teams-e2e-" + Guid.NewGuid().ToString("N")));
        kb.Write("key-permissions", "鍵ファイルのパーミッションを直す", "Fix key file permissions",
            "秘密鍵のパーミッションを `chmod 600 ~/.ssh/id_ed25519` で直してください。",
            "Make your private key readable only by you: `chmod 600 ~/.ssh/id_ed25519` and `chmod 700 ~/.ssh`.",
            ["鍵のパーミッション", "秘密鍵の権限", "id_rsa の権限", "鍵ファイルのモード", ".ssh ディレクトリの権限"],
            ["key file permissions", "private key mode", "id_rsa permissions too open", "chmod on my key", ".ssh directory permissions"],
            details: ("| パス | パーミッション |\n|---|---|\n| `~/.ssh/` | 700 |\n| `~/.ssh/id_ed25519` | 600 |\n| `~/.ssh/known_hosts` | 600 または 644 |",
                "Set these modes:\n\n| Path | Mode | Where |\n|---|---|---|\n| `~/.ssh/` | 700 | both |\n| `~/.ssh/id_ed25519` | 600 | your computer |\n| `~/.ssh/known_hosts` | 600 or 644 | your computer |\n\n```\nchmod 700 ~/.ssh\n```"));
        kb.Write("register-public-key", "公開鍵を登録する", "Register your public key",
            "公開鍵をアカウントページで登録してください。",
            "Register your public key on the account page, then try again.",
            ["公開鍵の登録", "鍵のアップロード", "公開鍵を送る", "鍵を登録したい", "新しい鍵の追加"],
            ["register my public key", "upload a key", "add a new public key", "where do I put my public key", "submit id_ed25519.pub"]);
        kb.Write("host-key-changed", "ホスト鍵の変更", "Host key changed",
            "`ssh-keygen -R` で古いホスト鍵を消してください。",
            "Remove the old host key with `ssh-keygen -R <host>` after checking the new fingerprint.",
            ["ホスト鍵が変わった", "known_hosts の警告", "指紋が違う", "REMOTE HOST IDENTIFICATION の警告", "ホスト鍵の確認"],
            ["host key changed", "known_hosts warning", "fingerprint mismatch", "remote host identification has changed", "verify the host key"]);
        return kb;
    }

    private void Write(string id, string titleJa, string titleEn, string answerJa, string answerEn, string[] topicsJa, string[] topicsEn,
        (string Ja, string En)? details = null)
    {
        string[] framesJa = ["{0}について教えて", "{0}はどうすればいい", "{0}で困っています"];
        string[] framesEn = ["help with {0}", "how do I handle {0}", "question about {0}"];
        var yaml = new StringBuilder();
        yaml.AppendLine("version: 1").AppendLine($"id: {id}");
        yaml.AppendLine("title:").AppendLine($"  ja: '{titleJa}'").AppendLine($"  en: '{titleEn}'");
        yaml.AppendLine("examples:").AppendLine("  ja:");
        foreach (var example in topicsJa.SelectMany(t => framesJa.Select(f => string.Format(f, t))))
        {
            yaml.AppendLine($"    - '{example}'");
        }
        yaml.AppendLine("  en:");
        foreach (var example in topicsEn.SelectMany(t => framesEn.Select(f => string.Format(f, t))))
        {
            yaml.AppendLine($"    - '{example}'");
        }
        yaml.AppendLine("answer:").AppendLine($"  ja: '{answerJa}'").AppendLine($"  en: '{answerEn}'");
        if (details is { } more)
        {
            yaml.AppendLine("details:").AppendLine("  ja: |").Append(Indent(more.Ja)).AppendLine("  en: |").Append(Indent(more.En));
        }
        File.WriteAllText(Path.Combine(IntentsPath, id + ".yaml"), yaml.ToString());
    }

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
