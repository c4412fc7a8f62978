using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SshSupportBot.Slack;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, acks every envelope before handing it on, and reports a
/// <c>disconnect</c> request so the owner can open the replacement while this link still carries traffic.
/// WebSocket keep-alive pings with a pong timeout are the watchdog: a silent link is aborted, which ends it.
/// </summary>
internal sealed class SocketModeLink : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<SocketModeLink, SocketModeMessage, Task> _onEnvelope;
    private readonly ILogger _logger;
    private Task _completion = Task.CompletedTask;

    private SocketModeLink(int id, Func<SocketModeLink, SocketModeMessage, Task> onEnvelope, ILogger logger)
    {
        Id = id;
        _onEnvelope = onEnvelope;
        _logger = logger;
    }

    public int Id { get; }

    /// <summary>Completes when the link is gone, for whatever reason.</summary>
    public Task Completion => _completion;

    /// <summary>Completes with Slack's reason when it asked us to move to a new link.</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    public static async Task<SocketModeLink> ConnectAsync(int id, Uri url, SlackSettings options, Func<SocketModeLink, SocketModeMessage, Task> onEnvelope, ILogger logger, CancellationToken cancellationToken)
    {
        var link = new SocketModeLink(id, onEnvelope, logger);
        try
        {
            link._socket.Options.KeepAliveInterval = options.SocketPingInterval;
            link._socket.Options.KeepAliveTimeout = options.SocketPingTimeout;
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(options.HelloTimeout);
            await link._socket.ConnectAsync(url, connectTimeout.Token);
            link._completion = Task.Run(() => link.ReceiveLoopAsync(), CancellationToken.None);
            await link._hello.Task.WaitAsync(connectTimeout.Token);
            return link;
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }
    }

    public async Task AckAsync(string envelopeId, object? payload, CancellationToken cancellationToken)
    {
        var ack = JsonSerializer.SerializeToUtf8Bytes(new { envelope_id = envelopeId, payload }, SlackJson.Options);
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(4 * 1024), _stop.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _logger.LogInformation("Socket Mode link {LinkId} closed by Slack", Id);
                    return;
                }
                await HandleAsync(buffer.WrittenMemory);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            if (!_stop.IsCancellationRequested)
            {
                _logger.LogWarning("Socket Mode link {LinkId} lost: {Reason}", Id, e.Message);
            }
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The link ended before Slack said hello."));
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> frame)
    {
        SocketModeMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<SocketModeMessage>(frame.Span, SlackJson.Options);
        }
        catch (JsonException)
        {
            _logger.LogWarning("Socket Mode link {LinkId} sent a frame that is not JSON; ignored", Id);
            return;
        }
        switch (message)
        {
            case null:
                return;
            case { Type: "hello" }:
                _hello.TrySetResult();
                return;
            case { Type: "disconnect" }:
                _logger.LogInformation("Socket Mode link {LinkId} asked to disconnect: {Reason}", Id, message.Reason);
                _disconnect.TrySetResult(message.Reason ?? "unknown");
                return;
            case { EnvelopeId: not null }:
                try
                {
                    await _onEnvelope(this, message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogError(e, "Socket Mode envelope {EnvelopeType} failed", message.Type);
                }
                return;
            default:
                _logger.LogDebug("Socket Mode message {MessageType} ignored", message.Type);
                return;
        }
    }

    public async Task CloseAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token);
                await _completion.WaitAsync(timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException or IOException)
            {
            }
        }
        await _stop.CancelAsync();
        _socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _completion;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
        _socket.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }
}
