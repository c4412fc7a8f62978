using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using SshSupportBot.Common;
using System.Text.Json;

namespace SshSupportBot.Slack;

/// <summary>
/// Keeps <see cref="SlackSettings.SocketConnections"/> Socket Mode links open, started apart so Slack's periodic
/// refreshes do not hit all at once. A refresh opens the replacement first; a dropped or silent link is reopened with
/// backoff. Envelopes from every link go through the same inbox, whose dedupe makes a re-delivery harmless.
/// </summary>
internal sealed class SocketModeService(SlackSettings options, SlackApiClient api, SlackIntake intake, TimeProvider time, ILogger<SocketModeService> logger,
    SocketModeStatus status, PhraseSource? phrases = null)
    : BackgroundService
{
    private static readonly TimeSpan StableLink = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RefreshGrace = TimeSpan.FromSeconds(10);

    private int _nextLinkId;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.SocketConnections).Select(slot => Task.Run(() => RunSlotAsync(slot, stoppingToken), stoppingToken)));

    private async Task RunSlotAsync(int slot, CancellationToken cancellationToken)
    {
        SocketModeLink? current = null;
        try
        {
            if (slot > 0 && options.SocketStagger > TimeSpan.Zero)
            {
                await Task.Delay(options.SocketStagger * slot, time, cancellationToken);
            }
            var failures = 0;
            var openedAt = time.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    current = await TryOpenAsync(slot, cancellationToken);
                    if (current is null)
                    {
                        failures++;
                        await Task.Delay(Backoff.Delay(failures, options.ReconnectBaseDelay, options.ReconnectMaxDelay), time, cancellationToken);
                        continue;
                    }
                    openedAt = time.GetUtcNow();
                }

                await Task.WhenAny(current.Completion, current.DisconnectRequested).WaitAsync(cancellationToken);
                if (!current.DisconnectRequested.IsCompleted)
                {
                    // Dropped, closed or aborted by the keep-alive watchdog: nothing to overlap with, reopen. Only a link
                    // that stayed up a while resets the backoff, so one that opens and dies at once still slows down.
                    await current.DisposeAsync();
                    current = null;
                    failures = time.GetUtcNow() - openedAt > StableLink ? 1 : failures + 1;
                    await Task.Delay(Backoff.Delay(failures, options.ReconnectBaseDelay, options.ReconnectMaxDelay), time, cancellationToken);
                    continue;
                }

                var reason = await current.DisconnectRequested;
                var old = current;
                current = null;
                switch (reason)
                {
                    case "link_disabled":
                        logger.LogError("Slack disabled Socket Mode for this app (link_disabled); slot {Slot} stops. Re-enable Socket Mode and restart.", slot);
                        await old.CloseAsync();
                        await old.DisposeAsync();
                        return;
                    case "too_many_websockets":
                        // More links than Slack allows: give this one up for a while rather than add another.
                        await old.CloseAsync();
                        await old.DisposeAsync();
                        failures++;
                        await Task.Delay(Backoff.Delay(failures + 3, options.ReconnectBaseDelay, options.ReconnectMaxDelay), time, cancellationToken);
                        continue;
                    default:
                        // warning / refresh_requested: the old link still delivers until Slack drops it, so open the new one
                        // first; if that fails, keep reading the old one until it goes (Slack gives it about ten seconds).
                        current = await TryOpenAsync(slot, cancellationToken);
                        if (current is null)
                        {
                            await Task.WhenAny(old.Completion, Task.Delay(RefreshGrace, time, cancellationToken));
                        }
                        else
                        {
                            openedAt = time.GetUtcNow();
                        }
                        await old.CloseAsync();
                        await old.DisposeAsync();
                        continue;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {

            if (current is not null)
            {
                await current.CloseAsync();
                await current.DisposeAsync();
            }
        }
    }

    private async Task<SocketModeLink?> TryOpenAsync(int slot, CancellationToken cancellationToken)
    {
        try
        {
            var opened = await api.OpenConnectionAsync(cancellationToken);
            if (opened.Url is null)
            {
                throw new SlackApiException("apps.connections.open", "no_url");
            }
            var id = Interlocked.Increment(ref _nextLinkId);
            var link = await SocketModeLink.ConnectAsync(id, new Uri(opened.Url), options, OnEnvelopeAsync, logger, cancellationToken);

            status.Opened();
            _ = link.Completion.ContinueWith(_ => status.Closed(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (id > options.SocketConnections)
            {
                Common.BotMetrics.SocketModeReconnects.Inc();
            }
            logger.LogInformation("Socket Mode link {LinkId} open in slot {Slot}", id, slot);
            return link;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Never log the URL: it carries a ticket that lets anyone receive our events.
            logger.LogWarning("Socket Mode slot {Slot} could not open a link: {Error}", slot, e is SlackApiException s ? s.Error : e.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Claim and queue, then ack (Slack wants it within 3 s and re-delivers otherwise; the claim is one small write). An
    /// envelope the store could not claim, or the full inbox did not take, is not acked, so Slack delivers it again instead of it being lost.
    /// </summary>
    private async Task OnEnvelopeAsync(SocketModeLink link, SocketModeMessage envelope)
    {
        if (await AcceptAsync(envelope) is InboxResult.Unavailable or InboxResult.Full)
        {
            return;
        }
        var immediate = envelope is { Type: "slash_commands", AcceptsResponsePayload: true } ? SlashAck(envelope.Payload) : null;
        await link.AckAsync(envelope.EnvelopeId!, immediate, CancellationToken.None);
    }

    private async Task<InboxResult> AcceptAsync(SocketModeMessage envelope)
    {
        SlackInboundPayload? payload;
        try
        {
            payload = envelope.Type switch
            {
                "events_api" => Parse<EventsApiEnvelope>(envelope.Payload) is { } e ? new SlackInboundPayload.Event(e) : null,
                "slash_commands" => Parse<SlashCommand>(envelope.Payload) is { } c ? new SlackInboundPayload.Command(c) : null,
                "interactive" => Parse<InteractionPayload>(envelope.Payload) is { } i ? new SlackInboundPayload.Interaction(i) : null,
                _ => null,
            };
        }
        catch (JsonException)
        {
            logger.LogWarning("Socket Mode envelope {EnvelopeType} has a payload we cannot read", envelope.Type);
            return InboxResult.Ignored;
        }
        if (payload is null)
        {
            logger.LogDebug("Socket Mode envelope {EnvelopeType} ignored", envelope.Type);
            return InboxResult.Ignored;
        }
        return await intake.AcceptAsync(payload, $"envelope:{envelope.EnvelopeId}", CancellationToken.None);
    }

    private object SlashAck(JsonElement? payload)
    {
        var text = payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("text", out var t) ? t.GetString() : null;
        var words = (phrases ?? PhraseSource.Shipped).Current;
        var message = string.IsNullOrWhiteSpace(text) ? SlackHelp.Usage(words) : SlackHelp.Working(words);
        return new { response_type = "ephemeral", text = message.Text, blocks = message.Blocks };
    }

    private static T? Parse<T>(JsonElement? payload) where T : class =>
        payload is { ValueKind: JsonValueKind.Object } p ? p.Deserialize<T>(SlackJson.Options) : null;
}
