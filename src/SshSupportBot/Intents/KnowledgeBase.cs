namespace SshSupportBot.Intents;

/// <summary>The intents (and the flows they start) that passed validation, as one immutable snapshot.</summary>
internal sealed class KnowledgeBase
{
    private readonly Dictionary<string, IntentDefinition> _byId;

    public KnowledgeBase(IReadOnlyList<IntentDefinition> intents, IReadOnlyDictionary<string, Flows.FlowDefinition> flows, string contentHash,
        Dialogue.DialogueData? dialogue = null)
    {
        Dialogue = dialogue ?? SshSupportBot.Dialogue.DialogueData.Shipped;
        Intents = intents;
        Flows = flows;
        ContentHash = contentHash;
        _byId = intents.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<IntentDefinition> Intents { get; }

    /// <summary>The guided flows defined next to the intents, by id.</summary>
    public IReadOnlyDictionary<string, Flows.FlowDefinition> Flows { get; }

    /// <summary>SHA-256 over every file the knowledge base was read from; a saved model is valid only for this hash.</summary>
    public string ContentHash { get; }

    /// <summary>How users answer the bot's questions and the bot's own sentences (<c>intents/dialogue/</c>).</summary>
    public Dialogue.DialogueData Dialogue { get; }

    public IntentDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public IntentDefinition Get(string id) =>
        _byId.TryGetValue(id, out var intent) ? intent : throw new KeyNotFoundException($"No intent '{id}' in the knowledge base.");

    public IntentDefinition? OutOfScope => Find(IntentDefinition.OutOfScopeId);
}
