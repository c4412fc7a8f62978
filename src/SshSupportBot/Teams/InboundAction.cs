using SshSupportBot.Conversations;

namespace SshSupportBot.Teams;

/// <summary>What one activity asks of the bot, decided by <see cref="ActivityMapper"/>.</summary>
internal abstract record InboundAction
{
    /// <summary>A user turn for the conversation engine.</summary>
    public sealed record Turn(IncomingMessage Message) : InboundAction;

    /// <summary>New people joined the conversation: say hello to each once.</summary>
    public sealed record Greet(IReadOnlyList<ChannelAccount> Members) : InboundAction;

    /// <summary>Nothing to do (typing, reactions, the bot's own join, unknown types).</summary>
    public sealed record Ignore(string Why) : InboundAction;
}
