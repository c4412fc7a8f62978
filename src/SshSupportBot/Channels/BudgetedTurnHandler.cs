using SshSupportBot.Languages;
using SshSupportBot.Common;
using SshSupportBot.Conversations;
using SshSupportBot.Dialogue;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Channels;

/// <summary>
/// Gives every turn a time budget (<c>Bot:TurnBudget</c>). A turn past it is abandoned: the user gets a short apology,
/// the worker takes the next turn, the turn is counted, and <see cref="TurnWatch"/> keeps an eye on its computation.
/// </summary>
/// <remarks>
/// The turn runs on the thread pool and the worker only waits for it up to the budget, because a computation stuck in
/// a loop over user text never looks at a cancellation token; the token is still cancelled for the parts that do.
/// </remarks>
/// <param name="phrases">The current phrase data (it changes with hot reload); the copy shipped in the program when null.</param>
internal sealed class BudgetedTurnHandler(ITurnHandler inner, TurnWatch watch, TimeSpan budget, TimeProvider time, ILogger<BudgetedTurnHandler> logger,
    PhraseSource? phrases = null) : ITurnHandler
{
    public const string ApologyPhrase = "turn-abandoned";

    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        // Not disposed: the abandoned computation may still hold its token.
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var turn = Task.Run(() => inner.HandleAsync(message, abandon.Token), CancellationToken.None);
        try
        {
            return await turn.WaitAsync(budget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            await abandon.CancelAsync();
            watch.Abandoned(message.Channel, started, turn);
            BotMetrics.AbandonedTurns.WithLabels(message.Channel).Inc();
            logger.LogError("Turn abandoned after its budget of {BudgetSeconds} s; its computation is left running and watched", budget.TotalSeconds);
            var language = LanguageDetector.Detect(message.Text.Length > 1000 ? message.Text[..1000] : message.Text);
            return [new BotReply(language, new Classification(BotIntent, 1f, [], ClassificationSource.Pattern), (phrases ?? PhraseSource.Shipped).Current.Get(ApologyPhrase, language), [], [])];
        }
    }

    private const string BotIntent = "bot";
}
