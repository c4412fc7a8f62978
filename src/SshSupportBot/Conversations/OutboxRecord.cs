namespace SshSupportBot.Conversations;

/// <summary>A turn's replies, keyed by the platform event they answer; saved with the conversation state in one write.</summary>
internal sealed record OutboxRecord(string EventKey, IReadOnlyList<BotReply> Replies)
{
    // The conversation is part of the key: an activity id is only promised unique within its conversation.
    public static string KeyFor(IncomingMessage message) => $"{message.Channel}:{message.ConversationId}:{message.EventId}";
}
