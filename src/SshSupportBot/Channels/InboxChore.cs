namespace SshSupportBot.Channels;

/// <summary>
/// A channel's own work that is not a turn (a welcome to people who joined), run in conversation order under the same
/// error boundary as a turn. It claims what it needs itself: a courtesy is skipped, never refused, while the store is down.
/// </summary>
internal sealed record InboxChore(string Conversation, string Address, IOutboxChannel Channel, Func<CancellationToken, Task> RunAsync)
    : InboxWork(Conversation, Address, Channel);
