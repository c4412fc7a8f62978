using SshSupportBot.Languages;
using SshSupportBot.Diagnostics;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Conversations;

/// <summary>The channel-neutral answer to one turn; each channel renders it its own way.</summary>
internal sealed record BotReply(
    Language Language,
    Classification Classification,
    string Text,
    IReadOnlyList<ReplyChoice> Choices,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Set when this turn ended a flow, so that an <c>end: handoff</c> reaches a person (admin feature, issue 8).</summary>
    public Flows.FlowEnd? FlowEnded { get; init; }

    /// <summary>The parts <see cref="Text"/> was composed from, so a part added later is composed with them, not stacked on top.</summary>
    public ReplyParts? Parts { get; init; }

    /// <summary>The user asked for a person: the admin layer posts the summary and adds what really happened.</summary>
    public bool HandoffRequested { get; init; }

    /// <summary>Where the conversation's flow stands after this turn (null outside a flow), for scripts and the terminal.</summary>
    public FlowPosition? Flow { get; init; }

}

/// <summary>A flow and the step it waits at.</summary>
internal sealed record FlowPosition(string FlowId, string StepId);
