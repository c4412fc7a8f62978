using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Conversations;

/// <summary>The channel-neutral answer to one turn; each channel renders it its own way.</summary>
internal sealed record BotReply(
    Language Language,
    Classification Classification,
    string Text,
    IReadOnlyList<ReplyChoice> Choices,
    IReadOnlyList<Finding> Findings);
