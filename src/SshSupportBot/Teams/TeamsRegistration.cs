using Microsoft.Extensions.DependencyInjection.Extensions;
using SshSupportBot.Dialogue;
using SshSupportBot.Channels;
using Microsoft.Extensions.Configuration;
using SshSupportBot.Admin;

namespace SshSupportBot.Teams;

/// <summary>Adds the Teams adapter to the server when <c>Teams:AppId</c> is set; otherwise the endpoint does not exist.</summary>
internal static class TeamsRegistration
{
    public static void AddTeams(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TeamsSettings.SectionName).Get<TeamsSettings>() ?? new TeamsSettings();
        if (!options.IsConfigured)
        {
            return;
        }
        if (options.AllowUnauthenticated)
        {
            var exposed = LoopbackGuard.NonLoopback(LoopbackGuard.ConfiguredUrls(builder.Configuration));
            if (exposed.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Teams:AllowUnauthenticated=true is only allowed when the server listens on loopback addresses, but it is configured for {string.Join(", ", exposed)}. " +
                    "Use --urls http://127.0.0.1:<port>, or turn authentication back on.");
            }
        }
        else if (string.IsNullOrEmpty(options.ResolveAppPassword()))
        {
            throw new InvalidOperationException("Teams:AppId is set but neither Teams:AppPassword nor Teams:AppPasswordFile is. Set one, or remove Teams:AppId to turn Teams off.");
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddInbox(builder.Configuration);
        services.AddSingleton(new ConnectorRetryPolicy());
        // The composition root's phrases (hot-reloaded) when there is one; the shipped copy for an adapter started alone.
        services.TryAddSingleton(PhraseSource.Shipped);
        services.AddSingleton<TeamsOutboxChannel>();
        services.AddSingleton<IOutboxChannel>(sp => sp.GetRequiredService<TeamsOutboxChannel>());
        services.AddSingleton<TeamsGreeting>();
        services.AddHttpClient(nameof(OpenIdKeyStore), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(nameof(ConnectorTokenProvider), c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(nameof(ConnectorClient), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OpenIdKeyStore>(sp => ActivatorUtilities.CreateInstance<OpenIdKeyStore>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OpenIdKeyStore))));
        services.AddSingleton<ConnectorTokenProvider>(sp => ActivatorUtilities.CreateInstance<ConnectorTokenProvider>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorTokenProvider))));
        services.AddSingleton<ConnectorClient>(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient))));
        services.AddSingleton<BotFrameworkAuthenticator>();
        AddAdminChannel(services, builder.Configuration, options);
    }

    /// <summary>Hand-offs go to Admin:TeamsConversation at Admin:TeamsServiceUrl when both are set.</summary>
    private static void AddAdminChannel(IServiceCollection services, IConfiguration configuration, TeamsSettings settings)
    {
        var admin = configuration.GetSection(AdminSettings.Section);
        if (admin["TeamsConversation"] is not { } conversation || string.IsNullOrWhiteSpace(conversation)
            || admin["TeamsServiceUrl"] is not { } serviceUrl || string.IsNullOrWhiteSpace(serviceUrl))
        {
            return;
        }
        services.AddKeyedSingleton<IHandoffNotifier>(AdminChannels.Key, (sp, _) => new TeamsHandoffNotifier(sp.GetRequiredService<ConnectorClient>(),
            serviceUrl.Trim(), conversation.Trim(), withToken: !settings.AllowUnauthenticated, sp.GetRequiredService<ILogger<TeamsHandoffNotifier>>()));
    }

    public static void MapTeams(this WebApplication app)
    {
        if (app.Services.GetService<TeamsSettings>() is not { } options)
        {
            return;
        }
        if (options.AllowUnauthenticated)
        {
            app.Logger.LogWarning(
                "TEAMS AUTHENTICATION IS OFF (Teams:AllowUnauthenticated=true): {Route} accepts activities without a token and replies without one. Local development only.",
                TeamsEndpoint.Route);
        }
        app.MapPost(TeamsEndpoint.Route, TeamsEndpoint.HandleAsync);
    }
}
