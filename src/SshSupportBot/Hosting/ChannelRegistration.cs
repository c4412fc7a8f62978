using SshSupportBot.Slack;
using SshSupportBot.Teams;

namespace SshSupportBot.Hosting;

/// <summary>
/// The one place where channel adapters join the server, one line per channel; each adds its services and endpoints
/// only when configured, and all of them feed the one inbox in Channels/.
/// </summary>
internal static class ChannelRegistration
{
    private static readonly (Action<WebApplicationBuilder> Add, Action<WebApplication> Map)[] Channels =
    [
        (SlackRegistration.AddSlack, SlackRegistration.MapSlack),
        (TeamsRegistration.AddTeams, TeamsRegistration.MapTeams),
    ];

    public static void AddChannels(WebApplicationBuilder builder)
    {
        foreach (var channel in Channels)
        {
            channel.Add(builder);
        }
    }

    public static void MapChannels(WebApplication app)
    {
        foreach (var channel in Channels)
        {
            channel.Map(app);
        }
    }
}
