namespace SshSupportBot.Conversations;

/// <summary>A button the user can press (or a number to type) instead of typing; <see cref="Action"/> comes back with the next turn.</summary>
internal sealed record ReplyChoice(TurnAction Action, string Label);
