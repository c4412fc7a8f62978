using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Channels;

/// <summary>The <c>Inbox</c> configuration section: the one queue and its workers that every channel feeds.</summary>
internal sealed record InboxSettings
{
    public const string Section = "Inbox";

    /// <summary>Accepted turns not yet started, over all channels; one more is refused so that the platform delivers it again.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Turns answered at once; turns of one conversation still run one after the other.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How long the extra keys of an event (the same message arriving as a second event) are remembered.</summary>
    public TimeSpan DedupeWindow { get; init; } = TimeSpan.FromHours(1);

    public static InboxSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<InboxSettings>() ?? new InboxSettings();
        if (settings.QueueCapacity < 1 || settings.Workers < 1 || settings.DedupeWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Inbox:QueueCapacity ({settings.QueueCapacity}) and Inbox:Workers ({settings.Workers}) must be at least 1 and Inbox:DedupeWindow longer than zero.");
        }
        return settings;
    }
}
