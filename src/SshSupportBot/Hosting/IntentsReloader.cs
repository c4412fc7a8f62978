using SshSupportBot.Authoring;
using System.Security.Cryptography;
using System.Threading.Channels;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>
/// Watches intents/ while the server runs: a change is validated, retrained in the background, checked against the
/// macro-F1 floor and swapped in whole; anything wrong keeps the last good model serving and is reported.
/// A file watcher gives quick notice; a periodic hash of the directory catches what watchers miss (network mounts).
/// </summary>
internal sealed class IntentsReloader(
    BotRuntime runtime,
    BotModelHolder models,
    IConversationStore conversations,
    AdminSettings admin,
    IHandoffNotifier notifier,
    TimeProvider time,
    ILogger<IntentsReloader> logger,
    IConversationLock? conversationLock = null) : BackgroundService, IReloadTrigger
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? _lastHash;

    // Whether the last report refused a change, so that putting intents/ back is announced and clears it.
    private bool _lastRefused;

    public void RequestReload() => _signals.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _lastHash = DirectoryHash(runtime.IntentsPath);
        using var watcher = new FileSystemWatcher(runtime.IntentsPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, _) => _signals.Writer.TryWrite(false);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => _signals.Writer.TryWrite(false);
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var forced = false;
            using (var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                poll.CancelAfter(admin.ReloadPollInterval);
                try
                {
                    forced = await _signals.Reader.ReadAsync(poll.Token);
                    forced |= await Debounce(stoppingToken);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The poll interval passed without an event: fall through to the hash check.
                }
            }
            var hash = DirectoryHash(runtime.IntentsPath);
            if (!forced && hash == _lastHash)
            {
                continue;
            }
            _lastHash = hash;
            try
            {
                await ReloadAsync(forced, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Reloading intents failed; the last good model keeps serving");
                await ReportAsync(new ReloadReport(time.GetUtcNow(), false, "The reload failed unexpectedly; the last good model keeps serving.", [exception.Message]), stoppingToken);
            }
        }
    }

    /// <summary>Waits until the files have been quiet for a moment, so an editor's save makes one reload.</summary>
    /// <returns>True when an admin asked for a reload meanwhile.</returns>
    private async Task<bool> Debounce(CancellationToken stoppingToken)
    {
        var forced = false;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            quiet.CancelAfter(admin.ReloadDebounce);
            try
            {
                forced |= await _signals.Reader.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return forced;
            }
        }
    }

    /// <param name="forced">An admin asked: report even when nothing changed.</param>
    public async Task ReloadAsync(bool forced, CancellationToken cancellationToken)
    {
        var current = models.Current;
        var load = new KnowledgeBaseLoader().Load(runtime.IntentsPath);
        var errors = load.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ToString()).ToList();
        if (errors.Count > 0 || load.KnowledgeBase.Intents.Count == 0)
        {
            logger.LogWarning("intents/ has {Errors} errors; keeping model {Version}", errors.Count, current.Metadata.Version);
            await ReportAsync(new ReloadReport(time.GetUtcNow(), false,
                $"intents/ has {errors.Count} error(s), so model {current.Metadata.Version} keeps serving. Fix them ('sshbot intents validate').", errors), cancellationToken);
            return;
        }
        if (load.KnowledgeBase.ContentHash == current.KnowledgeBase.ContentHash)
        {
            // The files are byte for byte those the serving model was built from (an edit undone, intents/ put back, a
            // save without changes): nothing to retrain. Any other edit, even to a comment, changes the hash and retrains.
            // After a refused change the old problems must not linger in /readyz and the admin channel, so the all-clear replaces them.
            if (_lastRefused)
            {
                await ReportAsync(new ReloadReport(time.GetUtcNow(), false,
                    $"intents/ is valid again and matches model {current.Metadata.Version}, which keeps serving; the earlier problems are gone.", []), cancellationToken);
            }
            else if (forced)
            {
                await ReportAsync(new ReloadReport(time.GetUtcNow(), false, $"intents/ has not changed; model {current.Metadata.Version} keeps serving.", []), cancellationToken);
            }
            return;
        }
        logger.LogInformation("intents/ changed; retraining in the background");
        // Trained into a staging directory: a model that fails the floor must not replace the saved one a restart would load.
        var staging = new ModelStore(Path.Combine(runtime.DataPath, "reload"));
        var built = await Task.Run(() => new ClassifierBuilder(runtime.ClassifierSettings, staging).LoadOrTrain(load.KnowledgeBase), cancellationToken);
        var floor = runtime.ClassifierSettings.MacroF1Floor;
        if (built.Metadata.CrossValidatedMacroF1 < floor)
        {
            logger.LogWarning("The retrained model's macro-F1 {MacroF1:0.000} is below the floor {Floor:0.000}; keeping model {Version}",
                built.Metadata.CrossValidatedMacroF1, floor, current.Metadata.Version);
            await ReportAsync(new ReloadReport(time.GetUtcNow(), false,
                $"The retrained model's cross-validated macro-F1 is {built.Metadata.CrossValidatedMacroF1:0.000}, below the floor {floor:0.000} " +
                $"(Classifier:MacroF1Floor), so model {current.Metadata.Version} keeps serving. Add examples to the intents it confuses ('sshbot eval').", []), cancellationToken);
            return;
        }
        new ModelStore(runtime.DataPath).Save(built.Classifier.Model, built.Metadata);
        models.Swap(Create(runtime, load.KnowledgeBase, built, conversations, time, conversationLock));
        logger.LogInformation("Swapped in model {Version} ({Intents} intents, macro-F1 {MacroF1:0.000})",
            built.Metadata.Version, load.KnowledgeBase.Intents.Count, built.Metadata.CrossValidatedMacroF1);
        await ReportAsync(new ReloadReport(time.GetUtcNow(), true,
            $"Now serving model {built.Metadata.Version}: {load.KnowledgeBase.Intents.Count} intents, cross-validated macro-F1 {built.Metadata.CrossValidatedMacroF1:0.000}.",
            load.Issues.Select(i => i.ToString()).ToList()), cancellationToken);
    }

    public static BotModel Create(BotRuntime runtime, KnowledgeBase knowledgeBase, ClassifierBuilder.Built built, IConversationStore conversations, TimeProvider time,
        IConversationLock? conversationLock = null)
    {
        var answerer = new Answerer(built.Classifier, runtime.Diagnostician, runtime.Bot, runtime.ClassifierSettings);
        var engine = runtime.CreateEngine(conversations, time, conversationLock, answerer);
        return new BotModel(knowledgeBase, answerer, engine, built.Metadata);
    }

    private async Task ReportAsync(ReloadReport report, CancellationToken cancellationToken)
    {
        models.Report(report);
        _lastRefused = !report.Swapped && report.Problems.Count > 0 || report.Summary.Contains("below the floor", StringComparison.Ordinal);
        if (notifier.IsConfigured)
        {
            // Problems quote the admins' files, which may hold anything a user once typed (an assigned question).
            var details = string.Join("\n", report.Problems.Take(10).Select(p => "• " + Formatting.MarkdownLiteral.Quote(p)));
            await notifier.NotifyAsync($"{(report.Swapped ? "✅" : "⚠️")} intents/ reload: {report.Summary}\n{details}".TrimEnd(), cancellationToken);
        }
    }

    private static string DirectoryHash(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (!Directory.Exists(directory))
        {
            // Removed or being replaced: a change like any other, reported by the reload, never a crash of this service.
            return "missing";
        }
        foreach (var file in KnowledgeBaseLoader.SourceFiles(directory))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\0"));
            try
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
            catch (IOException)
            {
                // Being written right now: the next check sees the finished file.
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
