using SshSupportBot.Languages;
using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using SshSupportBot.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SshSupportBot.Conversations;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Production;

/// <summary>A turn stuck in a loop that ignores cancellation, as the PuTTY marker once made the redactor: the worker moves on.</summary>
public sealed class TurnBudgetTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new();
    private readonly SpinningHandler _inner = new();
    private readonly TurnWatch _watch;
    private readonly BudgetedTurnHandler _handler;

    public TurnBudgetTests()
    {
        _watch = new TurnWatch(_clock);
        _handler = new BudgetedTurnHandler(_inner, _watch, Budget, _clock, NullLogger<BudgetedTurnHandler>.Instance);
    }

    public void Dispose() => _inner.Release();

    [Fact]
    public async Task A_turn_stuck_in_a_loop_is_abandoned_with_an_apology_and_counted()
    {
        var abandonedBefore = BotMetrics.AbandonedTurns.WithLabels("slack").Value;
        var clockTime = Stopwatch.StartNew();

        var replies = await HandlePastItsBudgetAsync("spin");

        Assert.True(clockTime.Elapsed < TimeSpan.FromSeconds(20), $"the worker waited {clockTime.Elapsed}");
        Assert.Equal(DialogueData.Shipped.Phrases.Get(BudgetedTurnHandler.ApologyPhrase, Language.En), Assert.Single(replies).Text);
        Assert.Equal(abandonedBefore + 1, BotMetrics.AbandonedTurns.WithLabels("slack").Value);
        Assert.Equal(1, _watch.StillRunning);
    }

    [Fact]
    public async Task The_apology_is_in_the_users_language()
    {
        var replies = await HandlePastItsBudgetAsync("spin してください");

        Assert.Equal(DialogueData.Shipped.Phrases.Get(BudgetedTurnHandler.ApologyPhrase, Language.Ja), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task The_next_turn_is_answered_while_the_stuck_one_still_spins()
    {
        await HandlePastItsBudgetAsync("spin");

        var replies = await _handler.HandleAsync(Message("hello"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("answer to: hello", Assert.Single(replies).Text);
        Assert.True(_inner.Spinning);
    }

    [Fact]
    public async Task Readiness_reports_a_computation_stuck_past_the_limit_until_it_ends()
    {
        await HandlePastItsBudgetAsync("spin");
        Assert.Null(_watch.Problem(TimeSpan.FromSeconds(30)));

        _clock.Advance(TimeSpan.FromSeconds(31));
        var problem = _watch.Problem(TimeSpan.FromSeconds(30));

        Assert.Equal("1 abandoned turn(s) (slack) still computing after more than 30 s; restart to free the CPU", problem);
        _inner.Release();
        await WaitUntilAsync(() => _watch.StillRunning == 0);
        Assert.Null(_watch.Problem(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_turn_within_its_budget_is_answered_normally_and_not_watched()
    {
        var replies = await _handler.HandleAsync(Message("hello"), CancellationToken.None);

        Assert.Equal("answer to: hello", Assert.Single(replies).Text);
        Assert.Equal(0, _watch.StillRunning);
    }

    /// <summary>
    /// Starts a stuck turn and, once it spins, lets its whole budget pass on the clock (the budget's timer is set before
    /// HandleAsync returns).
    /// </summary>
    private async Task<IReadOnlyList<BotReply>> HandlePastItsBudgetAsync(string text)
    {
        var turn = _handler.HandleAsync(Message(text), CancellationToken.None);
        await WaitUntilAsync(() => _inner.Spinning);
        _clock.Advance(Budget);
        return await turn.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static IncomingMessage Message(string text) => new("slack", "C1", "U1", text, Guid.NewGuid().ToString("N"));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(condition());
    }

    /// <summary>Spins on a CPU for "spin" messages and never looks at its cancellation token, like a scan that does not advance.</summary>
    private sealed class SpinningHandler : ITurnHandler
    {
        private volatile bool _released;
        private volatile bool _spinning;

        public bool Spinning => _spinning;

        public void Release() => _released = true;

        public Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
        {
            if (message.Text.StartsWith("spin", StringComparison.Ordinal))
            {
                _spinning = true;
                while (!_released)
                {
                    Thread.SpinWait(1000);
                }
                _spinning = false;
            }
            return Task.FromResult<IReadOnlyList<BotReply>>([FakeTurnHandler.Answer($"answer to: {message.Text}")]);
        }
    }
}
