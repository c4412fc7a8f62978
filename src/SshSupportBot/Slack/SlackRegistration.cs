using Microsoft.Extensions.DependencyInjection.Extensions;
using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using SshSupportBot.Admin;

namespace SshSupportBot.Slack;

/// <summary>
/// Adds the Slack adapter to the server when a bot token is configured: its client, its endpoints or Socket Mode links
/// feeding the shared inbox, and its admin channel when Admin:SlackChannel is set.
/// </summary>
internal static class SlackRegistration
{
    public static void AddSlack(this WebApplicationBuilder builder)
    {
        var options = SlackSettings.From(builder.Configuration);
        if (!options.IsConfigured)
        {
            return;
        }
        if (!options.SocketMode && !options.HttpEndpoints)
        {
            throw new InvalidOperationException(
                "Slack is configured without Socket Mode and without a signing secret. Set Slack:SigningSecret (environment variable " +
                "Slack__SigningSecret, or Slack:SigningSecretFile) to serve the HTTP endpoints, or Slack:AppToken for Socket Mode; " +
                "unverified requests are never accepted.");
        }
        if (options.SocketMode && string.IsNullOrWhiteSpace(options.AppToken))
        {
            throw new InvalidOperationException("Slack:SocketMode is on but Slack:AppToken (an app-level token, xapp-…, with connections:write) is not set.");
        }
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddInbox(builder.Configuration);
        // The composition root's phrases (hot-reloaded) when there is one; the shipped copy for an adapter started alone.
        services.TryAddSingleton(PhraseSource.Shipped);
        services.AddSingleton<SlackOutboxChannel>();
        services.AddSingleton<IOutboxChannel>(sp => sp.GetRequiredService<SlackOutboxChannel>());
        // The default request logging prints full URLs, and a response_url is itself a credential.
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SlackApiClient.HttpClientName),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackApiClient>>()));
        services.AddSingleton<SlackBotIdentity>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBotIdentity>());
        services.AddSingleton<SlackIntake>();
        services.AddSingleton<SlackReplySender>();
        services.AddSingleton<SlackChoiceMarker>();
        if (builder.Configuration[$"{AdminSettings.Section}:SlackChannel"] is { Length: > 0 } adminChannel && !string.IsNullOrWhiteSpace(adminChannel))
        {
            services.AddKeyedSingleton<IHandoffNotifier>(AdminChannels.Key, (sp, _) => new SlackHandoffNotifier(
                sp.GetRequiredService<SlackApiClient>(), adminChannel.Trim(), sp.GetRequiredService<ILogger<SlackHandoffNotifier>>()));
        }
        if (options.SocketMode)
        {
            services.AddSingleton<SocketModeStatus>();
            services.AddHostedService<SocketModeService>();
        }
    }

    public static void MapSlack(this WebApplication app)
    {
        if (app.Services.GetService<SlackSettings>() is { HttpEndpoints: true })
        {
            SlackHttpEndpoints.Map(app);
        }
    }
}
