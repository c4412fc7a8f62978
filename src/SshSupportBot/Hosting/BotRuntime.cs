using SshSupportBot.Authoring;
using Microsoft.Extensions.Configuration;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Flows;
using SshSupportBot.Storage;
using SshSupportBot.Probes;
using Microsoft.Extensions.DependencyInjection;

namespace SshSupportBot.Hosting;

/// <summary>Everything a turn needs, built once: the knowledge base, the classifier (trained if stale) and the answerer.</summary>
internal sealed class BotRuntime
{
    private BotRuntime(BotSettings bot, ClassifierSettings classifier, StorageSettings storage, string intentsPath, string dataPath,
        KnowledgeBaseLoadResult load, ClassifierBuilder.Built built, Answerer answerer, Diagnostician diagnostician, IServiceProvider probes)
    {
        Probes = probes;
        Storage = storage;
        Diagnostician = diagnostician;
        Bot = bot;
        ClassifierSettings = classifier;
        IntentsPath = intentsPath;
        DataPath = dataPath;
        Load = load;
        Built = built;
        Answerer = answerer;
    }

    public BotSettings Bot { get; }

    public ClassifierSettings ClassifierSettings { get; }

    public StorageSettings Storage { get; }

    public Diagnostician Diagnostician { get; }

    /// <summary>The gateway probes, built once so that every conversation shares their cache.</summary>
    public IServiceProvider Probes { get; }

    public GatewayAdvisor Advisor => Probes.GetRequiredService<GatewayAdvisor>();

    public string IntentsPath { get; }

    public string DataPath { get; }

    public KnowledgeBaseLoadResult Load { get; }

    public ClassifierBuilder.Built Built { get; }

    public Answerer Answerer { get; }

    public KnowledgeBase KnowledgeBase => Load.KnowledgeBase;

    public static BotRuntime Start(IConfiguration configuration, IProgress<string>? progress = null, bool forceTraining = false)
    {
        var bot = configuration.Bot();
        var classifierSettings = configuration.Classifier();
        var intentsPath = BotPaths.ResolveIntents(bot.IntentsPath);
        var dataPath = BotPaths.ResolveData(bot.DataDirectory, intentsPath);
        var load = new KnowledgeBaseLoader().Load(intentsPath);
        foreach (var issue in load.Issues.Where(i => i.Severity == IssueSeverity.Error))
        {
            progress?.Report(issue.ToString());
        }
        if (load.KnowledgeBase.Intents.Count == 0)
        {
            throw new InvalidOperationException($"The knowledge base in '{intentsPath}' has no valid intent. Run 'sshbot intents validate' to see why.");
        }
        var built = new ClassifierBuilder(classifierSettings, new ModelStore(dataPath)).LoadOrTrain(load.KnowledgeBase, forceTraining, progress);
        var diagnostician = new Diagnostician(Analyzers.All());
        var answerer = new Answerer(built.Classifier, diagnostician, bot, classifierSettings);
        var storage = configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        var probes = new ServiceCollection().AddProbes(configuration).AddSingleton<GatewayAdvisor>().BuildServiceProvider();
        return new BotRuntime(bot, classifierSettings, storage, intentsPath, dataPath, load, built, answerer, diagnostician, probes);
    }

    public string ConversationDatabasePath => Storage.Sqlite ?? Path.Combine(DataPath, "conversations.db");

    /// <summary>The engine over the embedded store; the server swaps the store by configuration.</summary>
    /// <param name="answerer">The answerer of another model generation (hot reload); this runtime's own when null.</param>
    public ConversationEngine CreateEngine(IConversationStore store, TimeProvider time, IConversationLock? conversationLock = null, Answerer? answerer = null) =>
        new(answerer ?? Answerer, new FlowRunner(Diagnostician, (answerer ?? Answerer).KnowledgeBase.Dialogue.Phrases), store, time, Advisor, conversationLock);

    public IConversationStore CreateDefaultStore(TimeProvider time) =>
        new SqliteConversationStore(ConversationDatabasePath, Storage.ConversationExpiry, time);
}
