namespace SshSupportBot.Admin;

/// <summary>
/// Every admin channel the channels registered (under <see cref="Key"/>, when their admin destination is configured); a
/// post counts as delivered when any of them took it.
/// </summary>
internal sealed class AdminChannels(IEnumerable<IHandoffNotifier> channels) : IHandoffNotifier
{
    /// <summary>The service key a channel registers its <see cref="IHandoffNotifier"/> under.</summary>
    public const string Key = "admin-channel";

    private readonly IReadOnlyList<IHandoffNotifier> _channels = [.. channels];

    public bool IsConfigured => _channels.Count > 0;

    public async Task<bool> NotifyAsync(string text, CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var channel in _channels)
        {
            delivered |= await channel.NotifyAsync(text, cancellationToken);
        }
        return delivered;
    }
}
