using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SshSupportBot.Probes;

/// <summary>Registers the probes for the server: one cache shared by every conversation.</summary>
internal static class ProbeServices
{
    public static IServiceCollection AddProbes(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(GatewaySettings.From(configuration));
        services.AddSingleton<HostKeyProbe>();
        services.AddSingleton<IReachabilityProbe>(s => new ReachabilityProbe(s.GetRequiredService<HostKeyProbe>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GatewayProber>();
        services.AddSingleton<HostKeyVerifier>();
        return services;
    }
}
