using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary>"Too many authentication failures": ssh offered so many keys (agent, config) that the server hung up before the right one.</summary>
internal sealed class TooManyAuthFailuresAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        if (!paste.Text.Contains("Too many authentication failures", StringComparison.Ordinal))
        {
            yield break;
        }
        var target = SshTarget.Find(paste);
        var offered = PublickeyDeniedAnalyzer.OfferedKeys(paste);
        var offeredJa = offered.Count == 0 ? "" : $"（提示された鍵: {string.Join(", ", offered)}）";
        var offeredEn = offered.Count == 0 ? "" : $" (offered: {string.Join(", ", offered)})";
        yield return new Finding(
            "too-many-auth-failures",
            FindingSeverity.Error,
            DiagnosticIntents.TooManyAuthFailures,
            new BilingualText(
                $"ssh が {target.HostOrDefault} に鍵を次々に提示したため{offeredJa}、正しい鍵を試す前にサーバーが接続を切りました。使う鍵を -i で指定し、IdentitiesOnly=yes でその鍵だけを使うようにしてください。",
                $"ssh offered {target.HostOrDefault} too many keys{offeredEn}, so the server disconnected before the right one was tried. Name the key with -i and use IdentitiesOnly=yes so only that key is offered."),
            Fix: $"ssh -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 {target.Destination}");
    }
}
