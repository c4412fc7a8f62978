namespace SshSupportBot.Slack;

/// <summary>The inbound payload kinds we act on, whichever transport (HTTP or Socket Mode) brought them.</summary>
internal abstract record SlackInboundPayload
{
    public sealed record Event(EventsApiEnvelope Envelope) : SlackInboundPayload;

    public sealed record Command(SlashCommand Slash) : SlackInboundPayload;

    public sealed record Interaction(InteractionPayload Payload) : SlackInboundPayload;
}
