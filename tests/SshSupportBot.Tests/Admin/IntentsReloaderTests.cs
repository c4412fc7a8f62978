using SshSupportBot.Languages;
using Microsoft.Extensions.DependencyInjection;
using SshSupportBot.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Admin;
using SshSupportBot.Hosting;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Admin;

public sealed class IntentsReloaderTests : IDisposable
{
    private readonly IntentsDirectory _intents = new IntentsDirectory()
        .WriteIntent("alpha", examplePrefix: "alpha ")
        .WriteIntent("beta", examplePrefix: "beta ");

    private (IntentsReloader Reloader, BotModelHolder Models, LearningBot.FakeNotifier Notifier) Start(double floor)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:IntentsPath"] = _intents.Path,
            ["Bot:DataDirectory"] = _intents.DataPath,
            ["Classifier:Folds"] = "3",
            ["Classifier:MacroF1Floor"] = floor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var runtime = BotComposition.ForCommand(new Progress<string>(), configuration).GetRequiredService<BotRuntime>();
        var conversations = new SqliteConversationStore(Path.Combine(_intents.DataPath, "conversations.db"), TimeSpan.FromHours(1), TimeProvider.System);
        var models = new BotModelHolder(IntentsReloader.Create(runtime, runtime.KnowledgeBase, runtime.Built, conversations, TimeProvider.System));
        var notifier = new LearningBot.FakeNotifier(true);
        var reloader = new IntentsReloader(runtime, models, conversations, new AdminSettings(), notifier, TimeProvider.System,
            NullLogger<IntentsReloader>.Instance);
        return (reloader, models, notifier);
    }

    [Fact]
    public async Task A_valid_change_is_retrained_and_swapped_in_whole()
    {
        var (reloader, models, notifier) = Start(floor: 0.5);
        var before = models.Current;

        _intents.WriteIntent("gamma", examplePrefix: "gamma ");
        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        var after = models.Current;
        Assert.NotSame(before, after);
        Assert.NotNull(after.KnowledgeBase.Find("gamma"));
        Assert.Same(after.KnowledgeBase, after.Answerer.KnowledgeBase);
        Assert.True(models.LastReload!.Swapped);
        Assert.Contains("Now serving model", Assert.Single(notifier.Posted));
    }

    [Fact]
    public async Task An_edit_to_the_bots_phrases_alone_is_picked_up_and_served()
    {
        var (reloader, models, _) = Start(floor: 0.5);
        var before = models.Current;
        Directory.CreateDirectory(Path.Combine(_intents.Path, "dialogue"));

        _intents.Write("dialogue/phrases.yaml", """
            version: 1
            phrases:
              offer-declined:
                ja: "了解です。また何かあればどうぞ。"
                en: "Right, ping me any time."
            """);
        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        Assert.NotSame(before, models.Current);
        Assert.Equal("Right, ping me any time.", models.Current.KnowledgeBase.Dialogue.Phrases.Get("offer-declined", Languages.Language.En));
        Assert.True(models.LastReload!.Swapped);
    }

    [Fact]
    public async Task A_model_below_the_macro_f1_floor_is_not_swapped_in()
    {
        var (reloader, models, notifier) = Start(floor: 1.01);
        var before = models.Current;

        _intents.WriteIntent("gamma", examplePrefix: "gamma ");
        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        Assert.Same(before, models.Current);
        Assert.False(models.LastReload!.Swapped);
        Assert.Contains("below the floor 1.010 (Classifier:MacroF1Floor)", models.LastReload.Summary);
        Assert.Contains("keeps serving", Assert.Single(notifier.Posted));
    }

    [Fact]
    public async Task A_broken_file_keeps_the_last_good_model_and_names_the_file()
    {
        var (reloader, models, _) = Start(floor: 0.5);
        var before = models.Current;

        _intents.Write("gamma.yaml", "version: 1\nid: gamma\nexamples:\n  ja:\n    - only one\n");
        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        Assert.Same(before, models.Current);
        Assert.Contains(models.LastReload!.Problems, p => p.Contains("gamma.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restoring_intents_clears_the_reported_errors_in_readiness_and_the_admin_channel()
    {
        var (reloader, models, notifier) = Start(floor: 0.5);
        var before = models.Current;
        _intents.Write("gamma.yaml", "version: 1\nid: gamma\nexamples:\n  ja:\n    - only one\n");
        await reloader.ReloadAsync(forced: false, CancellationToken.None);
        Assert.NotEmpty(models.LastReload!.Problems);

        File.Delete(Path.Combine(_intents.Path, "gamma.yaml"));
        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        Assert.Same(before, models.Current);
        Assert.Empty(models.LastReload!.Problems);
        Assert.Contains("valid again", models.LastReload.Summary);
        Assert.Equal(2, notifier.Posted.Count);
        Assert.DoesNotContain("gamma.yaml", notifier.Posted[^1]);
        Assert.Contains("valid again", notifier.Posted[^1]);
    }

    [Fact]
    public async Task An_unchanged_reload_after_the_all_clear_says_nothing_more()
    {
        var (reloader, models, notifier) = Start(floor: 0.5);
        _intents.Write("gamma.yaml", "version: 1\nid: gamma\nexamples:\n  ja:\n    - only one\n");
        await reloader.ReloadAsync(forced: false, CancellationToken.None);
        File.Delete(Path.Combine(_intents.Path, "gamma.yaml"));
        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        await reloader.ReloadAsync(forced: false, CancellationToken.None);

        Assert.Equal(2, notifier.Posted.Count);
        Assert.Empty(models.LastReload!.Problems);
    }

    public void Dispose() => _intents.Dispose();
}
