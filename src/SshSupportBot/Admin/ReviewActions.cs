using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>What an admin can do with a queued question, shared by <c>sshbot review</c> and the chat commands.</summary>
internal sealed class ReviewActions(IFeedbackStore store, string intentsPath, TimeProvider time, ILogger logger)
{
    public sealed record Outcome(bool Ok, string Message);

    public async Task<Outcome> AssignAsync(long id, string intentId, string actor, CancellationToken cancellationToken)
    {
        if (await store.FindItemAsync(id, cancellationToken) is not { Status: ReviewStatus.Pending } item)
        {
            return new(false, $"There is no pending question {id}. Run 'sshbot review --list' to see the queue.");
        }
        var before = new KnowledgeBaseLoader().Load(intentsPath);
        if (before.KnowledgeBase.Find(intentId) is not { } intent)
        {
            return new(false, $"There is no intent '{intentId}' in {intentsPath}. Use an existing id, or start a new intent file with 'sshbot review' (n).");
        }
        var normalized = TextNormalizer.Normalize(item.Text);
        if (intent.Examples.Any(e => TextNormalizer.Normalize(e.Text) == normalized))
        {
            await ResolveAsync(item, ReviewStatus.Assigned, intentId, actor, "already an example", cancellationToken);
            return new(true, $"'{item.Text}' is already an example of {intentId}; closed question {id}.");
        }
        var file = Path.Combine(intentsPath, Path.GetFileName(intent.Location.File));
        var original = await File.ReadAllTextAsync(file, cancellationToken);
        var (updated, error) = ExampleAppender.Append(original, Path.GetFileName(file), item.Language, item.Text);
        if (updated is null)
        {
            return new(false, error!);
        }
        await File.WriteAllTextAsync(file, updated, cancellationToken);
        var after = new KnowledgeBaseLoader().Load(intentsPath);
        var grew = after.KnowledgeBase.Find(intentId)?.ExamplesIn(item.Language).Count() == intent.ExamplesIn(item.Language).Count() + 1;
        var newErrors = after.Issues.Count(i => i.Severity == IssueSeverity.Error) > before.Issues.Count(i => i.Severity == IssueSeverity.Error);
        if (!grew || newErrors)
        {
            // Never leave an admin's file broken by our edit.
            await File.WriteAllTextAsync(file, original, cancellationToken);
            return new(false, $"Adding the example to {Path.GetFileName(file)} did not re-parse cleanly, so the file is unchanged. Add it by hand.");
        }
        await ResolveAsync(item, ReviewStatus.Assigned, intentId, actor, Path.GetFileName(file), cancellationToken);
        return new(true, $"Added \"{item.Text}\" to {Path.GetFileName(file)} (examples: {item.Language.ToString().ToLowerInvariant()}); the server retrains on its next reload.");
    }

    public async Task<Outcome> DismissAsync(long id, string actor, CancellationToken cancellationToken)
    {
        if (await store.FindItemAsync(id, cancellationToken) is not { Status: ReviewStatus.Pending } item)
        {
            return new(false, $"There is no pending question {id}.");
        }
        var closed = await ResolveAsync(item, ReviewStatus.Dismissed, null, actor, "", cancellationToken);
        return new(true, $"Dismissed question {id} ({closed} with the same text).");
    }

    /// <summary>A skeleton intent file from the question; the validator refuses it while its TODOs remain, so the server keeps serving the last good model.</summary>
    public async Task<Outcome> StartIntentAsync(long id, string intentId, string actor, CancellationToken cancellationToken)
    {
        if (await store.FindItemAsync(id, cancellationToken) is not { Status: ReviewStatus.Pending } item)
        {
            return new(false, $"There is no pending question {id}.");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(intentId, "^[a-z0-9]+(-[a-z0-9]+)*$"))
        {
            return new(false, $"'{intentId}' is not a valid intent id: use lower-case words joined by '-', e.g. 'quota-exceeded'.");
        }
        var file = Path.Combine(intentsPath, intentId + ".yaml");
        if (File.Exists(file))
        {
            return new(false, $"{intentId}.yaml already exists; assign the question to it instead.");
        }
        var ja = item.Language == Language.Ja ? $"    - {ExampleAppender.Quote(item.Text)}\n" : "";
        var en = item.Language == Language.En ? $"    - {ExampleAppender.Quote(item.Text)}\n" : "";
        await File.WriteAllTextAsync(file, $"""
            # Started by 'sshbot review' from a user's question. Fill in the TODOs: 'sshbot intents validate' lists what is missing
            # (at least 15 examples per language). Until then the server keeps serving the last good model.
            version: 1
            id: {intentId}
            title:
              ja: "TODO 日本語の題"
              en: "TODO English title"
            examples:
              ja:
            {ja}    # TODO more Japanese examples
              en:
            {en}    # TODO more English examples
            answer:
              ja: |
                TODO 日本語の答え
              en: |
                TODO English answer

            """, cancellationToken);
        await ResolveAsync(item, ReviewStatus.Assigned, intentId, actor, "new intent file", cancellationToken);
        return new(true, $"Started {intentId}.yaml; fill in its TODOs, then run 'sshbot intents validate'.");
    }

    private async Task<int> ResolveAsync(ReviewItem item, ReviewStatus status, string? intent, string actor, string detail, CancellationToken cancellationToken)
    {
        var closed = await store.ResolveAsync(item.Id, status, intent, actor, cancellationToken);
        await store.AuditAsync(actor, status == ReviewStatus.Assigned ? "assign" : "dismiss", $"{item.Id} {intent} {detail}".Trim(), time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Admin {Actor} {Action} review item {Id} ({Intent})", actor, status, item.Id, intent);
        return closed;
    }
}
