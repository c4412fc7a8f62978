namespace SshSupportBot.Slack;

/// <summary>The bot's own user id, from configuration or auth.test, so its own messages are never taken as questions.</summary>
internal sealed class SlackBotIdentity(SlackOptions options, SlackApiClient api, ILogger<SlackBotIdentity> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? userId = options.BotUserId;

    /// <summary>The id if already known; never waits on Slack, so acknowledging an event is not held up by auth.test.</summary>
    public string? KnownUserId => Volatile.Read(ref userId);

    public async ValueTask<string?> GetUserIdAsync(CancellationToken ct)
    {
        if (userId is not null)
        {
            return userId;
        }
        await gate.WaitAsync(ct);
        try
        {
            if (userId is null)
            {
                userId = (await api.AuthTestAsync(ct)).UserId;
                logger.LogInformation("Slack bot user is {BotUserId}", userId);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Bot messages still carry bot_id and are ignored by that; the lookup is tried again on the next event.
            logger.LogWarning(e, "Slack auth.test failed; the bot's user id is unknown for now");
        }
        finally
        {
            gate.Release();
        }
        return userId;
    }
}
