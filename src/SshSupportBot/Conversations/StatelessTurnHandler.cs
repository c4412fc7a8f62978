namespace SshSupportBot.Conversations;

/// <summary>Answers each turn on its own; the flow engine replaces it where conversations have state.</summary>
internal sealed class StatelessTurnHandler(Answerer answerer) : ITurnHandler
{
    public Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BotReply>>([answerer.Answer(message.Text)]);
}
