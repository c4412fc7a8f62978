using SshSupportBot.Languages;
using System.Collections.Concurrent;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Support;

/// <summary>
/// Stands in for the conversation engine behind a channel: records every turn and answers with <see cref="Reply"/>;
/// <see cref="BeforeReply"/> lets a test hold the work.
/// </summary>
internal sealed class FakeTurnHandler : ITurnHandler
{
    public ConcurrentQueue<IncomingMessage> Turns { get; } = new();

    public Func<IncomingMessage, BotReply> Reply { get; set; } = m => Answer($"answer to: {m.Text}");

    public Func<IncomingMessage, Task>? BeforeReply { get; set; }

    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Turns.Enqueue(message);
        if (BeforeReply is { } before)
        {
            await before(message);
        }
        return [Reply(message)];
    }

    public static BotReply Answer(string text, params ReplyChoice[] choices) =>
        new(Language.En, new Classification("test", 1f, [], ClassificationSource.Model), text, choices, []);
}
