using SshSupportBot.Languages;
using System.Text.RegularExpressions;
using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

/// <summary><c>ssh -G HOST</c> prints what ssh will really use; the user name and key files are what matter for a refused login.</summary>
internal sealed partial class EffectiveConfigAnalyzer : IPasteAnalyzer
{
    public IEnumerable<Finding> Analyze(PastedText paste)
    {
        string? user = null, hostname = null, port = null;
        var identities = new List<string>();
        var otherKeys = 0;
        foreach (var line in paste.Lines)
        {
            if (line.Length == 0 || !char.IsAsciiLetterLower(line[0]) || !PasteRegex.TryMatch(Option(), line, out var m))
            {
                continue;
            }
            var value = m.Groups["value"].Value;
            switch (m.Groups["key"].Value)
            {
                case "user":
                    user ??= value;
                    break;
                case "hostname":
                    hostname ??= value;
                    break;
                case "port":
                    port ??= value;
                    break;
                case "identityfile":
                    identities.Add(value);
                    break;
                case "stricthostkeychecking" or "userknownhostsfile" or "identitiesonly" or "pubkeyauthentication" or "serveraliveinterval":
                    otherKeys++;
                    break;
            }
        }
        // ssh -G-only option names guard against prose that happens to start with "user "; a filtered paste
        // (ssh -G gw | grep …) still shows identityfile lines.
        if (user is null || hostname is null || port is null || (otherKeys < 2 && identities.Count == 0))
        {
            yield break;
        }
        var keys = identities.Count == 0 ? "-" : string.Join(", ", identities);
        yield return new Finding(
            "effective-config",
            FindingSeverity.Info,
            DiagnosticIntents.WrongUsername,
            new BilingualText(
                $"ssh は {hostname} のポート {port} にユーザー名 {user} で接続し、鍵ファイル {keys} を順に試します。ユーザー名がスパコンのアカウント名と違う場合は ~/.ssh/config の User を直してください。",
                $"ssh will connect to {hostname} port {port} as user {user}, trying the key files {keys}. If the user name is not your supercomputer account, fix User in ~/.ssh/config."));
    }

    [GeneratedRegex(@"^(?<key>user|hostname|port|identityfile|stricthostkeychecking|userknownhostsfile|identitiesonly|pubkeyauthentication|serveraliveinterval) (?<value>\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Option();
}
