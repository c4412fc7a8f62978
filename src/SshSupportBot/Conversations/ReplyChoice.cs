namespace SshSupportBot.Conversations;

/// <summary>A button the user can press instead of typing; <see cref="Value"/> comes back as the next turn.</summary>
internal sealed record ReplyChoice(string Value, string Label);
