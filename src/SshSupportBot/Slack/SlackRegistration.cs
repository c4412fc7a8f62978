using SshSupportBot.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SshSupportBot.Storage;

namespace SshSupportBot.Slack;

/// <summary>Adds the Slack adapter to the server when a bot token is configured.</summary>
internal static class SlackRegistration
{
    public static void AddSlack(this WebApplicationBuilder builder)
    {
        var options = SlackOptions.From(builder.Configuration);
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
        services.AddRequestLimits(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventDeduplicator, InMemoryEventDeduplicator>();
        services.TryAddSingleton<ITurnOutbox>(sp => new InMemoryTurnOutbox(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Channels.OutboxDelivery>();
        services.AddSingleton<Channels.IOutboxChannel, SlackOutboxChannel>();
        // The default request logging prints full URLs, and a response_url is itself a credential.
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SlackApiClient.HttpClientName),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackApiClient>>()));
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackTurnQueue>();
        services.AddSingleton<SlackInbox>();
        services.AddSingleton<SlackReplySender>();
        services.AddSingleton<SlackChoiceMarker>();
        services.AddHostedService<SlackTurnWorker>();
        if (options.SocketMode)
        {
            services.AddSingleton<SocketModeStatus>();
            services.AddHostedService<SocketModeService>();
        }
    }

    public static void MapSlack(this WebApplication app)
    {
        if (app.Services.GetService<SlackOptions>() is { HttpEndpoints: true })
        {
            SlackHttpEndpoints.Map(app);
        }
    }
}
