using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Channels;

/// <summary>The "Operations" configuration section: what the public listener exposes and how much work a stranger can cause.</summary>
internal sealed record OperationsSettings
{
    public const string Section = "Operations";

    /// <summary>
    /// Off by default: the public listener is what the chat platforms reach, and the metrics name intents
    /// and traffic. Operators scrape <see cref="MetricsPort"/> instead.
    /// </summary>
    public bool MetricsOnPublicListener { get; init; }

    /// <summary>A separate management port serving only <c>/metrics</c>; none unless set.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>Where the management port listens: "+" is every interface (a pod's Prometheus scrape), or e.g. 127.0.0.1.</summary>
    public string MetricsHost { get; init; } = "+";

    /// <summary>Requests still reading their body before the signature or token is checked; more get 503 at once.</summary>
    public int MaxUnauthenticatedRequests { get; init; } = 64;

    /// <summary>A body not received in full within this long is refused: the chat platforms send theirs at once.</summary>
    public TimeSpan BodyReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static OperationsSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<OperationsSettings>() ?? new OperationsSettings();
        if (settings.MetricsPort is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Operations:MetricsPort is {settings.MetricsPort}; give a TCP port from 1 to 65535, or leave it unset for no management port.");
        }
        if (settings.MaxUnauthenticatedRequests < 1 || settings.BodyReadTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Operations:MaxUnauthenticatedRequests must be at least 1 and Operations:BodyReadTimeout longer than zero.");
        }
        return settings;
    }
}
