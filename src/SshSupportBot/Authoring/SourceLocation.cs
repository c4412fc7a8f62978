using SshSupportBot.Nlu;
using SshSupportBot.Intents;

namespace SshSupportBot.Authoring;

/// <summary>Where in an admin's file something was written, so every message can point at the line to fix.</summary>
internal sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
