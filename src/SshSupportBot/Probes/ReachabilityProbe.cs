using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SshSupportBot.Probes;

/// <summary>
/// Answers "is the gateway up?" step by step, so the answer says which step fails: DNS, TCP connect (timed), the server's
/// <c>SSH-2.0-…</c> identification line, then the host keys. All steps share one timeout.
/// </summary>
internal sealed class ReachabilityProbe(HostKeyProbe hostKeys, TimeProvider timeProvider) : IReachabilityProbe
{
    // RFC 4253 §4.2: the identification line is at most 255 bytes, and a server may send other lines before it.
    private const int MaxLineLength = 255;
    private const int MaxPreambleLines = 32;

    public ReachabilityProbe()
        : this(new HostKeyProbe(TimeProvider.System), TimeProvider.System)
    {
    }

    public async Task<ReachabilityResult> ProbeAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var seconds = timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        try
        {
            IPAddress[] addresses;
            try
            {
                addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, linked.Token);
            }
            catch (SocketException e)
            {
                return new ReachabilityResult(host, port, ProbeStatus.Dns, $"the name '{host}' could not be resolved ({e.SocketErrorCode})");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new ReachabilityResult(host, port, ProbeStatus.Dns, $"resolving '{host}' took longer than {seconds} s");
            }
            if (addresses.Length == 0)
            {
                return new ReachabilityResult(host, port, ProbeStatus.Dns, $"the name '{host}' has no address");
            }

            var (socket, address, connectMs, failure) = await ConnectAsync(host, port, addresses, seconds, linked.Token, cancellationToken);
            if (socket is null)
            {
                return failure!;
            }
            using (socket)
            {
                Identification banner;
                try
                {
                    banner = await ReadIdentificationAsync(socket, linked.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    banner = new Identification(null, ProbeStatus.Timeout,
                        $"{address} accepted the TCP connection, but sent no SSH identification within {seconds} s (not an SSH server, or an overloaded one)");
                }
                if (banner.Line is null)
                {
                    return new ReachabilityResult(host, port, banner.Status, banner.Detail, address, connectMs);
                }

                var remaining = timeout - timeProvider.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    return new ReachabilityResult(host, port, ProbeStatus.Timeout, $"no time left within {seconds} s to read the host keys", address, connectMs, banner.Line);
                }
                var keys = await hostKeys.ProbeAsync(address, port, remaining, cancellationToken);
                return keys.Status == ProbeStatus.Ok
                    ? new ReachabilityResult(host, port, ProbeStatus.Ok, keys.Detail, address, connectMs, banner.Line, keys.Fingerprints)
                    : new ReachabilityResult(host, port, keys.Status, keys.Detail, address, connectMs, banner.Line);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ReachabilityResult(host, port, ProbeStatus.Error, "the probe was cancelled");
        }
        catch (OperationCanceledException)
        {
            return new ReachabilityResult(host, port, ProbeStatus.Timeout, $"no answer within {seconds} s");
        }
        catch (Exception e)
        {
            return new ReachabilityResult(host, port, ProbeStatus.Error, e.Message);
        }
    }

    private async Task<(Socket? Socket, string Address, double? ConnectMs, ReachabilityResult? Failure)> ConnectAsync(
        string host, int port, IPAddress[] addresses, string seconds, CancellationToken token, CancellationToken callerToken)
    {
        ReachabilityResult? failure = null;
        // Like ssh, try each address in turn; the first address's failure is usually the telling one.
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var started = timeProvider.GetTimestamp();
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), token);
                return (socket, address.ToString(), Math.Round(timeProvider.GetElapsedTime(started).TotalMilliseconds, 1), null);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure ??= e.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => new ReachabilityResult(host, port, ProbeStatus.Refused,
                        $"{address} refused the connection on port {port} (nothing listening, or a firewall rejects it)", address.ToString()),
                    SocketError.TimedOut => new ReachabilityResult(host, port, ProbeStatus.Timeout,
                        $"connecting to {address} port {port} timed out", address.ToString()),
                    _ => new ReachabilityResult(host, port, ProbeStatus.Error,
                        $"connecting to {address} port {port} failed: {e.SocketErrorCode}", address.ToString()),
                };
            }
            catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
            {
                socket.Dispose();
                return (null, address.ToString(), null, new ReachabilityResult(host, port, ProbeStatus.Timeout,
                    $"connecting to {address} port {port} got no answer within {seconds} s (a firewall may drop the packets)", address.ToString()));
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        return (null, "", null, failure);
    }

    private static async Task<Identification> ReadIdentificationAsync(Socket socket, CancellationToken token)
    {
        var buffer = new byte[1];
        var line = new StringBuilder();
        var lines = 0;
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
                if (read == 0)
                {
                    return new Identification(null, ProbeStatus.Error, "the server closed the connection before identifying itself as SSH");
                }
                var c = (char)buffer[0];
                if (c != '\n')
                {
                    if (c != '\r')
                    {
                        line.Append(c);
                    }
                    if (line.Length > MaxLineLength)
                    {
                        return new Identification(null, ProbeStatus.Error, "the server sent a line too long for an SSH identification; it is probably not an SSH server");
                    }
                    continue;
                }
                var text = line.ToString();
                if (text.StartsWith("SSH-", StringComparison.Ordinal))
                {
                    return new Identification(text, ProbeStatus.Ok, "");
                }
                if (++lines > MaxPreambleLines)
                {
                    return new Identification(null, ProbeStatus.Error, "the server sent text but no SSH identification; it is probably not an SSH server");
                }
                line.Clear();
            }
        }
        catch (SocketException e)
        {
            return new Identification(null, ProbeStatus.Error, $"the connection failed before the SSH identification ({e.SocketErrorCode})");
        }
    }

    private sealed record Identification(string? Line, ProbeStatus Status, string Detail);
}
