using System.Text;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>
/// The admin commands in chat (<c>admin reload|stats|unanswered|assign ID INTENT|check ACCOUNT</c>). The caller has checked
/// that the user is an admin; every command is logged and audited here.
/// </summary>
internal sealed class AdminCommands(IFeedbackStore store, ReviewActions review, IReloadTrigger? reload, TimeProvider time, ILogger<AdminCommands> logger,
    ServerCheck? serverCheck = null)
{
    public const string Prefix = "admin";

    private static readonly string[] Verbs = ["reload", "stats", "unanswered", "assign", "check", "help"];

    /// <summary>Only the known verbs, so that a user's question such as "admin rights on the gateway?" is still answered.</summary>
    public static bool IsCommand(string text)
    {
        var words = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words[0].Equals(Prefix, StringComparison.OrdinalIgnoreCase)
            && (words.Length == 1 || Verbs.Contains(words[1].ToLowerInvariant()));
    }

    public async Task<string> RunAsync(string actor, string text, CancellationToken cancellationToken)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 1 ? words[1].ToLowerInvariant() : "help";
        logger.LogInformation("Admin {Actor} ran {Command}", actor, verb);
        await store.AuditAsync(actor, verb, string.Join(' ', words.Skip(2)), time.GetUtcNow(), cancellationToken);
        switch (verb)
        {
            case "stats":
                return StatsText.Render(await store.StatsAsync(time.GetUtcNow().AddDays(-7), cancellationToken));
            case "unanswered":
                return Unanswered(await store.PendingAsync(cancellationToken));
            case "assign" when words.Length == 4 && long.TryParse(words[2], out var id):
                var outcome = await review.AssignAsync(id, words[3], actor, cancellationToken);
                if (outcome.Ok && reload is not null)
                {
                    reload.RequestReload();
                    return outcome.Message + " Reloading now.";
                }
                return outcome.Message;
            case "reload" when reload is not null:
                reload.RequestReload();
                return "Reloading intents/ in the background; the reload report follows in the admin channel and in /readyz.";
            case "reload":
                return "Reload works only in the running server ('sshbot serve').";
            case "check" when words.Length < 3:
                return "Usage: `admin check ACCOUNT`, with the user's account name on the gateway.";
            case "check" when serverCheck is null:
                return "The server-side check is not available here.";
            case "check":
                // Everything after the verb is the account, so "alice; id" is refused as one bad name rather than read as "alice".
                var account = string.Join(' ', words.Skip(2));
                return ServerCheckText.Render(serverCheck.Host, account, await serverCheck.RunAsync(actor, account, cancellationToken));
            default:
                return "Admin commands: `admin stats`, `admin unanswered`, `admin assign ID INTENT`, `admin reload`, `admin check ACCOUNT`.";
        }
    }

    private static string Unanswered(IReadOnlyList<ReviewItem> pending)
    {
        if (pending.Count == 0)
        {
            return "The review queue is empty.";
        }
        var text = new StringBuilder($"{pending.Count} questions to review (most asked first):\n");
        foreach (var group in ReviewGroups.Group(pending).Take(10))
        {
            var item = group.First;
            text.Append($"• {item.Id} ×{group.Count} \\[{item.Reason}, guess {item.GuessedIntent ?? "-"} {item.Confidence:0.00}\\] {Formatting.MarkdownLiteral.Quote(item.Text)}\n");
        }
        return text.Append("Assign one with `admin assign ID INTENT`.").ToString();
    }
}

/// <summary>Asks the running server to reload intents/ now rather than at its next check.</summary>
internal interface IReloadTrigger
{
    void RequestReload();
}
