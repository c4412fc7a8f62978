using System.Net;
using System.Net.Sockets;

namespace SshSupportBot.Tests.Support;

/// <summary>The one free-port helper: sshd, redis-server, the bot's replicas and the e2e bot all start on a port from here.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now; also what tests use for a closed port.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
