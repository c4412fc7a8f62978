using SshSupportBot.Storage;

namespace SshSupportBot.Channels;

/// <summary>
/// At start-up and then every few seconds, sends recorded replies that nobody marked sent: a turn whose process died
/// after its commit, on a channel that does not re-deliver or whose re-deliveries ran out.
/// </summary>
internal sealed class OutboxSweeper(ITurnOutbox outbox, OutboxDelivery delivery, IEnumerable<IOutboxChannel> channels, StorageSettings settings,
    TimeProvider time, ILogger<OutboxSweeper> logger) : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromTicks(Math.Clamp(settings.TurnClaimLease.Ticks / 4, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(5).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (StorageUnavailableException)
            {
                // Readiness reports the store; the next round tries again.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox sweep failed");
            }
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var pending in await outbox.TakeDueAsync(Batch, cancellationToken))
        {
            var channel = channels.FirstOrDefault(c => pending.EventKey.StartsWith(c.Channel + ":", StringComparison.Ordinal));
            if (channel is null)
            {
                continue;
            }
            try
            {
                if (await delivery.DeliverAsync(pending.EventKey, () => Task.FromResult(pending.Replies), (r, c) => channel.SendAsync(pending.Address, r, c), cancellationToken,
                        alreadyRecorded: true))
                {
                    sent++;
                    logger.LogInformation("Outbox sent the recorded reply of event {EventKey} that was never marked sent", pending.EventKey);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox could not send the recorded reply of event {EventKey}; trying again later", pending.EventKey);
            }
        }
        return sent;
    }
}
