using SshSupportBot.Languages;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// A private key in a chat message is a leaked key; nothing else in the paste matters as much. A marker quoted
/// without key material ("my file starts with -----BEGIN …") is not a leak and is not reported.
/// </summary>
internal sealed class PrivateKeyPasteAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        if (PrivateKeyDetector.Find(paste.Raw).HasKeyMaterial)
        {
            yield return Exposed;
        }
    }

    /// <summary>Also given by the conversation engine when a message continues a key that an earlier message started.</summary>
    public static readonly Finding Exposed = new(
        "private-key-pasted",
        FindingSeverity.Critical,
        DiagnosticIntents.PrivateKeyExposed,
        new BilingualText(
            "貼り付けられた内容に秘密鍵が含まれていました（ボットは保存も表示もしません）。この鍵は漏れたものとして扱ってください。スパコンに登録したこの鍵の公開鍵を削除し、新しい鍵ペアを作って、新しい公開鍵（.pub）だけを登録し直してください。",
            "Your message contained a private key (the bot neither stores nor repeats it). Treat this key as exposed: remove its public key from your supercomputer registration, make a new key pair, and register only the new public key (.pub)."),
        Fix: "ssh-keygen -t ed25519");
}
