using SshSupportBot.Slack;
using SshSupportBot.Teams;

namespace SshSupportBot.Hosting;

/// <summary>The one place where channel adapters join the server; each adds its services and endpoints only when configured.</summary>
internal static class ChannelRegistration
{
    public static void AddChannels(WebApplicationBuilder builder)
    {
        builder.AddSlack();
        builder.AddTeams();
    }

    public static void MapChannels(WebApplication app)
    {
        app.MapSlack();
        app.MapTeams();
    }
}
