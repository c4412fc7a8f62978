using System.Collections.Concurrent;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Teams.Support;

/// <summary>Echoes each turn and offers one choice; records what it was given.</summary>
internal sealed class FakeTurnHandler : ITurnHandler
{
    public ConcurrentQueue<IncomingMessage> Received { get; } = new();

    public Func<IncomingMessage, BotReply>? Reply { get; set; }

    public Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        var reply = Reply?.Invoke(message) ?? Echo(message.Text, [new ReplyChoice(new ChooseOption("next"), "Next step")]);
        return Task.FromResult<IReadOnlyList<BotReply>>([reply]);
    }

    public static BotReply Echo(string text, IReadOnlyList<ReplyChoice> choices) =>
        new(Language.En, new Classification("echo", 1f, [], ClassificationSource.Pattern), "You said: " + text, choices, []);
}
