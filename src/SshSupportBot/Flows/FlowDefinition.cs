using SshSupportBot.Intents;

namespace SshSupportBot.Flows;

internal sealed record FlowDefinition(string Id, int Version, SourceLocation Location);
