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
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<SocketModeLink, SocketModeMessage, Task> onEnvelope;
    private readonly ILogger logger;
    private Task completion = Task.CompletedTask;

    private SocketModeLink(int id, Func<SocketModeLink, SocketModeMessage, Task> onEnvelope, ILogger logger)
    {
        Id = id;
        this.onEnvelope = onEnvelope;
        this.logger = logger;
    }

    public int Id { get; }

    /// <summary>Completes when the link is gone, for whatever reason.</summary>
    public Task Completion => completion;

    /// <summary>Completes with Slack's reason when it asked us to move to a new link.</summary>
    public Task<string> DisconnectRequested => disconnect.Task;

    public static async Task<SocketModeLink> ConnectAsync(int id, Uri url, SlackOptions options, Func<SocketModeLink, SocketModeMessage, Task> onEnvelope, ILogger logger, CancellationToken ct)
    {
        var link = new SocketModeLink(id, onEnvelope, logger);
        try
        {
            link.socket.Options.KeepAliveInterval = options.SocketPingInterval;
            link.socket.Options.KeepAliveTimeout = options.SocketPingTimeout;
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connectTimeout.CancelAfter(options.HelloTimeout);
            await link.socket.ConnectAsync(url, connectTimeout.Token);
            link.completion = Task.Run(() => link.ReceiveLoopAsync(), CancellationToken.None);
            await link.hello.Task.WaitAsync(connectTimeout.Token);
            return link;
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }
    }

    public async Task AckAsync(string envelopeId, object? payload, CancellationToken ct)
    {
        var ack = JsonSerializer.SerializeToUtf8Bytes(new { envelope_id = envelopeId, payload }, SlackJson.Options);
        await sendGate.WaitAsync(ct);
        try
        {
            await socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            sendGate.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4 * 1024), stop.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    logger.LogInformation("Socket Mode link {LinkId} closed by Slack", Id);
                    return;
                }
                await HandleAsync(buffer.WrittenMemory);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            if (!stop.IsCancellationRequested)
            {
                logger.LogWarning("Socket Mode link {LinkId} lost: {Reason}", Id, e.Message);
            }
        }
        finally
        {
            hello.TrySetException(new WebSocketException("The link ended before Slack said hello."));
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
            logger.LogWarning("Socket Mode link {LinkId} sent a frame that is not JSON; ignored", Id);
            return;
        }
        switch (message)
        {
            case null:
                return;
            case { Type: "hello" }:
                hello.TrySetResult();
                return;
            case { Type: "disconnect" }:
                logger.LogInformation("Socket Mode link {LinkId} asked to disconnect: {Reason}", Id, message.Reason);
                disconnect.TrySetResult(message.Reason ?? "unknown");
                return;
            case { EnvelopeId: not null }:
                try
                {
                    await onEnvelope(this, message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Socket Mode envelope {EnvelopeType} failed", message.Type);
                }
                return;
            default:
                logger.LogDebug("Socket Mode message {MessageType} ignored", message.Type);
                return;
        }
    }

    public async Task CloseAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token);
                await completion.WaitAsync(timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException or IOException)
            {
            }
        }
        await stop.CancelAsync();
        socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        try
        {
            await completion;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
        socket.Dispose();
        stop.Dispose();
        sendGate.Dispose();
    }
}
