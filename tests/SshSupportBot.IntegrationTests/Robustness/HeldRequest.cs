using System.Net.Sockets;
using System.Text;

namespace SshSupportBot.Tests.Robustness;

/// <summary>
/// An HTTP/1.1 request written by hand on a raw socket: headers promising a body, then only as much of it as a test
/// wants, held open, the way a slow or hostile client does.
/// </summary>
internal sealed class HeldRequest : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private HeldRequest(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<HeldRequest> OpenAsync(Uri baseUrl, string path, long contentLength, IReadOnlyDictionary<string, string> headers, int bodyBytesSent)
    {
        var client = new TcpClient();
        await client.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var request = new HeldRequest(client);
        var head = new StringBuilder($"POST /{path.TrimStart('/')} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("\r\n");
        await request._stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await request.SendBodyAsync(bodyBytesSent);
        return request;
    }

    public async Task SendBodyAsync(int bytes)
    {
        if (bytes > 0)
        {
            await _stream.WriteAsync(Encoding.ASCII.GetBytes(new string(' ', bytes)));
        }
    }

    /// <summary>The status code of the response, or null when none arrives within <paramref name="within"/>.</summary>
    public async Task<int?> StatusAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[512];
        var received = new StringBuilder();
        try
        {
            while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                var read = await _stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (IOException)
        {
            // Reset by the server after it answered: what was read is enough.
        }
        var statusLine = received.ToString().Split("\r\n")[0].Split(' ');
        return statusLine.Length > 1 && int.TryParse(statusLine[1], out var status) ? status : null;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
