using SshSupportBot.Flows;
using SshSupportBot.Languages;
using SshSupportBot.Conversations;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;

namespace SshSupportBot.Conversations;

/// <summary>What one turn inside a flow produced: the text and buttons to send, and where the flow is now (null when it ended).</summary>
internal sealed record FlowTurn(string Text, IReadOnlyList<ReplyChoice> Choices, FlowProgress? Progress, IReadOnlyList<Finding> Findings, FlowEnd? Ended, Language Language);
