using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SshSupportBot.Tests.Slack.Support;

/// <summary>The server side of one Socket Mode link: sends what the test says, records the acks the bot sends back.</summary>
internal sealed class FakeSocket(WebSocket ws, Signal changed)
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<JsonElement> Received => _received.ToList();

    public IEnumerable<string> AckedEnvelopes => _received
        .Where(m => m.TryGetProperty("envelope_id", out _))
        .Select(m => m.GetProperty("envelope_id").GetString()!);

    /// <summary>Completes when the bot has closed (or lost) this link.</summary>
    public Task Closed => _closed.Task;

    public async Task SendAsync(object message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendGate.WaitAsync();
        try
        {
            await ws.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public Task SendEnvelopeAsync(string envelopeId, string type, object payload, bool acceptsResponsePayload = false) =>
        SendAsync(new { envelope_id = envelopeId, type, payload, accepts_response_payload = acceptsResponsePayload, retry_attempt = 0 });

    public Task SendDisconnectAsync(string reason) => SendAsync(new { type = "disconnect", reason, debug_info = new { host = "fake" } });

    public void Drop() => ws.Abort();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (ws.State == WebSocketState.Open)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(buffer.AsMemory(count).ToArraySegment(), cancellationToken);
                    count += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
                _received.Enqueue(JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, count)).RootElement.Clone());
                changed.Pulse();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            _closed.TrySetResult();
            changed.Pulse();
        }
    }
}

internal static class MemoryExtensions
{
    public static ArraySegment<byte> ToArraySegment(this Memory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment : throw new InvalidOperationException();
}
