using SshSupportBot.Conversations;

namespace SshSupportBot.Channels;

/// <summary>A user's message for the turn handler.</summary>
internal sealed record InboxTurn(IncomingMessage Message, string Address, IOutboxChannel Channel)
    : InboxWork($"{Message.Channel}:{Message.ConversationId}", Address, Channel)
{
    /// <summary>More keys of the same message (it can arrive as two events); claimed with the event, before the queue.</summary>
    public IReadOnlyList<string> DedupeKeys { get; init; } = [];

    /// <summary>The channel's own step on the worker before the answer (e.g. marking the pressed button); false drops the turn.</summary>
    public Func<CancellationToken, Task<bool>>? BeforeAnswer { get; init; }

    /// <summary>Set by the inbox when the outbox holds this event's reply unsent (a crash after the commit): send it, do not answer again.</summary>
    public IReadOnlyList<BotReply>? RecordedReplies { get; init; }
}
