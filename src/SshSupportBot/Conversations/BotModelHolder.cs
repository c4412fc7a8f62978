using SshSupportBot.Storage;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Conversations;

/// <summary>One consistent generation of the bot: a knowledge base with the model trained from it and the engine over both.</summary>
internal sealed record BotModel(KnowledgeBase KnowledgeBase, Answerer Answerer, ConversationEngine Engine, ModelMetadata Metadata);

/// <summary>What the last reload attempt concluded; shown by /readyz and told to the admins.</summary>
internal sealed record ReloadReport(DateTimeOffset At, bool Swapped, string Summary, IReadOnlyList<string> Problems);

/// <summary>
/// The model generation that serves turns. A turn reads <see cref="Current"/> once and keeps that snapshot to its end,
/// so a reload swaps whole generations and no turn sees a knowledge base with another generation's model.
/// </summary>
internal sealed class BotModelHolder(BotModel initial)
{
    private BotModel _current = initial;
    private ReloadReport? _lastReload;

    public BotModel Current => Volatile.Read(ref _current);

    public ReloadReport? LastReload => Volatile.Read(ref _lastReload);

    public void Swap(BotModel next) => Volatile.Write(ref _current, next);

    public void Report(ReloadReport report) => Volatile.Write(ref _lastReload, report);
}
