namespace SshSupportBot.Channels;

/// <summary>What the inbox did with an accepted payload; the channel turns it into its platform's acknowledgement.</summary>
internal enum InboxResult
{
    Queued,

    /// <summary>The channel's mapper found nothing to answer (edits, the bot's own posts, typing): acknowledge, do nothing.</summary>
    Ignored,

    /// <summary>Already answered or being answered (a re-delivery): acknowledge, do nothing.</summary>
    Duplicate,

    /// <summary>The queue holds <see cref="InboxSettings.QueueCapacity"/> turns: nothing was claimed; refuse, so the platform delivers it again.</summary>
    Full,

    /// <summary>The store cannot be reached to claim the event: refuse it, so the platform delivers it again.</summary>
    Unavailable,
}
