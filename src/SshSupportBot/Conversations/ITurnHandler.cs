namespace SshSupportBot.Conversations;

/// <summary>The conversation engine as the channels see it: one incoming turn in, the replies to send out.</summary>
internal interface ITurnHandler
{
    Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}
