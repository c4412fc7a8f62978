using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Secrets come from environment variables or from files named by the <c>*File</c> keys.</summary>
internal sealed record SlackSettings
{
    public const string Section = "Slack";

    // Settings of the queue the channels now share; an old key must not be ignored in silence.
    private static readonly string[] MovedToInbox = ["QueueCapacity", "Workers", "DedupeWindow"];

    public string? BotToken { get; init; }

    public string? AppToken { get; init; }

    public string? SigningSecret { get; init; }

    /// <summary>The bot's own user id; looked up with auth.test when unset.</summary>
    public string? BotUserId { get; init; }

    public Uri ApiBaseUrl { get; init; } = new("https://slack.com/api/");

    public bool SocketMode { get; init; }

    public int SocketConnections { get; init; } = 2;

    /// <summary>Time between opening the Socket Mode connections, so their refreshes do not coincide.</summary>
    public TimeSpan SocketStagger { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan SocketPingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A link whose pong does not come back within this time is treated as dead and replaced.</summary>
    public TimeSpan SocketPingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Slack's guidance is about one message per second per channel.</summary>
    public TimeSpan MessageInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxApiAttempts { get; init; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);

    public bool HttpEndpoints => !string.IsNullOrWhiteSpace(SigningSecret);

    public static SlackSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        foreach (var moved in MovedToInbox)
        {
            if (section[moved] is not null)
            {
                throw new InvalidOperationException(
                    $"Slack:{moved} is now Inbox:{moved}, shared by every channel (environment variable Inbox__{moved}); rename the setting.");
            }
        }
        var bound = section.Get<SlackSettings>() ?? new SlackSettings();
        var appToken = Secret(section, "AppToken");
        var socketModeSetting = section["SocketMode"];
        return bound with
        {
            BotToken = Secret(section, "BotToken"),
            AppToken = appToken,
            SigningSecret = Secret(section, "SigningSecret"),
            ApiBaseUrl = WithTrailingSlash(bound.ApiBaseUrl),
            SocketMode = string.IsNullOrWhiteSpace(socketModeSetting) ? !string.IsNullOrWhiteSpace(appToken)
                : bool.TryParse(socketModeSetting, out var socketMode) ? socketMode
                : throw new InvalidOperationException($"Slack:SocketMode is '{socketModeSetting}'; use true or false."),
            SocketConnections = Math.Clamp(bound.SocketConnections, 1, 10),
        };
    }

    private static string? Secret(IConfiguration section, string key)
    {
        var direct = section[key];
        if (!string.IsNullOrWhiteSpace(direct))
        {
            return direct.Trim();
        }
        var file = section[key + "File"];
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"Slack:{key}File points to '{file}', which does not exist. Create the file or unset Slack:{key}File.");
        }
        var value = File.ReadAllText(file).Trim();
        return value.Length == 0 ? null : value;
    }

    // Relative method names resolve under the base only when it ends with '/'.
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
