using Microsoft.Extensions.Configuration;
using SshSupportBot.Authoring;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Hosting;

/// <summary>
/// The knowledge base, the classifier (trained if stale) and the answerer, built once. <see cref="BotComposition"/>
/// makes it on first use, so commands that only read the feedback store never load or train a model.
/// </summary>
internal sealed class BotRuntime
{
    private BotRuntime(BotSettings bot, ClassifierSettings classifier, BotFiles files,
        KnowledgeBaseLoadResult load, ClassifierBuilder.Built built, Answerer answerer, Diagnostician diagnostician, GatewayAdvisor advisor)
    {
        Advisor = advisor;
        Files = files;
        Diagnostician = diagnostician;
        Bot = bot;
        ClassifierSettings = classifier;
        Load = load;
        Built = built;
        Answerer = answerer;
    }

    public BotSettings Bot { get; }

    public ClassifierSettings ClassifierSettings { get; }

    public BotFiles Files { get; }

    public Diagnostician Diagnostician { get; }

    /// <summary>The gateway checks, shared by every conversation so that they share one probe cache.</summary>
    public GatewayAdvisor Advisor { get; }

    public string IntentsPath => Files.IntentsPath;

    public string DataPath => Files.DataPath;

    public KnowledgeBaseLoadResult Load { get; }

    public ClassifierBuilder.Built Built { get; }

    public Answerer Answerer { get; }

    public KnowledgeBase KnowledgeBase => Load.KnowledgeBase;

    public static BotRuntime Start(IConfiguration configuration, GatewayAdvisor advisor, IProgress<string>? progress = null, bool forceTraining = false)
    {
        var bot = configuration.Bot();
        var classifierSettings = configuration.Classifier();
        var files = BotFiles.From(configuration);
        var load = new KnowledgeBaseLoader().Load(files.IntentsPath);
        foreach (var issue in load.Issues.Where(i => i.Severity == IssueSeverity.Error))
        {
            progress?.Report(issue.ToString());
        }
        if (load.KnowledgeBase.Intents.Count == 0)
        {
            throw new InvalidOperationException($"The knowledge base in '{files.IntentsPath}' has no valid intent. Run 'sshbot intents validate' to see why.");
        }
        var built = new ClassifierBuilder(classifierSettings, new ModelStore(files.DataPath)).LoadOrTrain(load.KnowledgeBase, forceTraining, progress);
        var diagnostician = new Diagnostician(Analyzers.All());
        var answerer = new Answerer(built.Classifier, diagnostician, bot, classifierSettings);
        return new BotRuntime(bot, classifierSettings, files, load, built, answerer, diagnostician, advisor);
    }

    /// <summary>The engine over <paramref name="store"/>.</summary>
    /// <param name="answerer">The answerer of another model generation (hot reload); this runtime's own when null.</param>
    public ConversationEngine CreateEngine(IConversationStore store, TimeProvider time, IConversationLock? conversationLock = null, Answerer? answerer = null) =>
        new(answerer ?? Answerer, new FlowRunner(Diagnostician, (answerer ?? Answerer).KnowledgeBase.Dialogue.Phrases), store, time, Advisor, conversationLock);
}
