using SshSupportBot.Languages;
using SshSupportBot.Channels;
using SshSupportBot.Common;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Tests.Production;

public sealed class MeteredTurnHandlerTests
{
    private sealed class Fixed(BotReply reply) : ITurnHandler
    {
        public Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BotReply>>([reply]);
    }

    private static BotReply Reply(string intent, string text) => new(Language.En, new Classification(intent, 1f, [], ClassificationSource.Model), text, [], []);

    private static async Task<double> HandoffsCountedAsync(BotReply reply)
    {
        var channel = "metered-" + Guid.NewGuid().ToString("N")[..8];
        await new MeteredTurnHandler(new Fixed(reply), NullLogger<MeteredTurnHandler>.Instance)
            .HandleAsync(new IncomingMessage(channel, "C1", "U1", "text", "e1"), CancellationToken.None);
        return BotMetrics.Handoffs.WithLabels(channel).Value;
    }

    [Fact]
    public async Task A_decline_that_names_the_helpdesk_is_not_counted_as_a_handoff()
    {
        var decline = Reply(IntentDefinition.OutOfScopeId, "Sorry. To reach a person, contact " + new BotSettings().AdminContactEn + ".");

        Assert.Equal(0, await HandoffsCountedAsync(decline));
    }

    [Fact]
    public async Task A_requested_handoff_and_a_flow_ending_in_one_are_counted()
    {
        Assert.Equal(1, await HandoffsCountedAsync(Reply("human-handoff", "I've posted a summary.") with { HandoffRequested = true }));
        Assert.Equal(1, await HandoffsCountedAsync(Reply("host-key-changed", "Do not connect.") with { FlowEnded = SshSupportBot.Flows.FlowEnd.Handoff }));
    }
}
