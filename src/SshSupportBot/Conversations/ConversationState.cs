using SshSupportBot.Languages;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;

namespace SshSupportBot.Conversations;

/// <summary>
/// Everything the bot remembers of one conversation, loaded once per turn and saved when it changed.
/// <see cref="Version"/> is checked on save so two workers cannot overwrite each other's turn.
/// </summary>
/// <param name="Pending">What the bot asked last outside a flow step, so the next turn is read as its answer first.</param>
/// <param name="Topic">The intent of the last answer: a short follow-up ("ポートは指定してません") is read with it in mind.</param>
/// <param name="InsidePrivateKey">The last message ended inside a private key, so the next one may hold its rest.</param>
internal sealed record ConversationState(
    string Key,
    long Version,
    Language? Language,
    FlowProgress? Flow,
    IReadOnlyList<ReplyChoice> LastChoices,
    DateTimeOffset UpdatedAt,
    PendingQuestion? Pending = null,
    string? Topic = null,
    bool InsidePrivateKey = false)
{
    public static ConversationState New(string key, DateTimeOffset now) => new(key, 0, null, null, [], now);
}

/// <summary>Where a user is in a guided flow, and what the checks found so far.</summary>
/// <param name="FlowVersion">The flow file's hash when the flow started; a different hash means an admin changed it.</param>
internal sealed record FlowProgress(
    string FlowId,
    string FlowVersion,
    string StepId,
    IReadOnlyList<string> History,
    IReadOnlyList<Finding> Findings);
