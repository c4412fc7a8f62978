using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>
/// Forwards TCP to the fake; <see cref="FreezeAll"/> makes the links open now go silent without closing them (no
/// data, no pongs), which is how a dead link looks from the bot's side. Links opened later flow normally.
/// </summary>
internal sealed class TcpFreezeProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Link> links = [];
    private readonly CancellationTokenSource stop = new();
    private readonly int target;

    private TcpFreezeProxy(int target) => this.target = target;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public static TcpFreezeProxy Start(int target)
    {
        var proxy = new TcpFreezeProxy(target);
        proxy.listener.Start();
        _ = proxy.AcceptLoopAsync();
        return proxy;
    }

    public void FreezeAll()
    {
        foreach (var link in links)
        {
            link.Frozen = true;
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, target, stop.Token);
                var link = new Link(client, server);
                links.Add(link);
                _ = PumpAsync(client.GetStream(), server.GetStream(), link);
                _ = PumpAsync(server.GetStream(), client.GetStream(), link);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Link link)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                if (link.Frozen)
                {
                    continue;
                }
                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            link.Close();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        foreach (var link in links)
        {
            link.Close();
        }
    }

    private sealed class Link(TcpClient client, TcpClient server)
    {
        public volatile bool Frozen;

        public void Close()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
