namespace SshSupportBot.Slack;

/// <summary>
/// The bot's own user id, from configuration or auth.test, so its own messages are never taken as questions. Looked up
/// once at start-up, so that the intake already knows it when the first events arrive.
/// </summary>
internal sealed class SlackBotIdentity(SlackSettings options, SlackApiClient api, ILogger<SlackBotIdentity> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _userId = options.BotUserId;

    /// <summary>The id if already known; never waits on Slack, so acknowledging an event is not held up by auth.test.</summary>
    public string? KnownUserId => Volatile.Read(ref _userId);

    // A failure is logged there and retried on the next turn.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken) => _ = await GetUserIdAsync(stoppingToken);

    public async ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken)
    {
        if (_userId is not null)
        {
            return _userId;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_userId is null)
            {
                _userId = (await api.AuthTestAsync(cancellationToken)).UserId;
                logger.LogInformation("Slack bot user is {BotUserId}", _userId);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Bot messages still carry bot_id and are ignored by that; the lookup is tried again on the next event.
            logger.LogWarning(e, "Slack auth.test failed; the bot's user id is unknown for now");
        }
        finally
        {
            _gate.Release();
        }
        return _userId;
    }
}
