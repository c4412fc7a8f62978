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
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Link> _links = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly int _target;

    private TcpFreezeProxy(int target) => _target = target;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpFreezeProxy Start(int target)
    {
        var proxy = new TcpFreezeProxy(target);
        proxy._listener.Start();
        _ = proxy.AcceptLoopAsync();
        return proxy;
    }

    public void FreezeAll()
    {
        foreach (var link in _links)
        {
            link.Frozen = true;
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                var link = new Link(client, server);
                _links.Add(link);
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
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (link.Frozen)
                {
                    continue;
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
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
        _stop.Cancel();
        _listener.Stop();
        foreach (var link in _links)
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
