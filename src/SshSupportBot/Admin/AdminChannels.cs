namespace SshSupportBot.Admin;

/// <summary>Every configured admin channel (Slack and Teams); a post counts as delivered when any of them took it.</summary>
internal sealed class AdminChannels(IReadOnlyList<IHandoffNotifier> channels) : IHandoffNotifier
{
    public bool IsConfigured => channels.Count > 0;

    public async Task<bool> NotifyAsync(string text, CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var channel in channels)
        {
            delivered |= await channel.NotifyAsync(text, cancellationToken);
        }
        return delivered;
    }
}
