using Microsoft.Extensions.Configuration;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Hosting;

/// <summary>Everything a turn needs, built once: the knowledge base, the classifier (trained if stale) and the answerer.</summary>
internal sealed class BotRuntime
{
    private BotRuntime(BotSettings bot, ClassifierSettings classifier, string intentsPath, string dataPath,
        KnowledgeBaseLoadResult load, ClassifierBuilder.Built built, Answerer answerer)
    {
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
        var answerer = new Answerer(built.Classifier, new Diagnostician(Analyzers.All()), bot, classifierSettings);
        return new BotRuntime(bot, classifierSettings, intentsPath, dataPath, load, built, answerer);
    }
}
