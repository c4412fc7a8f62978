using SshSupportBot.Languages;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Channels;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Channels;

/// <summary>
/// The shared inbox with its real queue, workers, outbox and deduplicator around a scripted turn handler and a channel
/// that records what it was asked to send.
/// </summary>
internal sealed class InboxBench : IAsyncDisposable
{
    public const string ChannelName = "test";

    public InboxBench(int capacity = 16, int workers = 2)
    {
        Settings = new InboxSettings { QueueCapacity = capacity, Workers = workers };
        var outbox = new InMemoryTurnOutbox(TimeProvider.System);
        Inbox = new ChannelInbox(Settings, new InMemoryEventDeduplicator(TimeProvider.System), outbox, NullLogger<ChannelInbox>.Instance);
        Workers = new InboxWorkers(Inbox, Settings, Handler, new OutboxDelivery(outbox, NullLogger<OutboxDelivery>.Instance), NullLogger<InboxWorkers>.Instance);
    }

    public InboxSettings Settings { get; }

    public ChannelInbox Inbox { get; }

    public InboxWorkers Workers { get; }

    public ScriptedTurnHandler Handler { get; } = new();

    public RecordingChannel Channel { get; } = new();

    public Task StartAsync() => Workers.StartAsync(CancellationToken.None);

    public static IncomingMessage Message(string conversation, string eventId, string text) =>
        new(ChannelName, conversation, "U1", text, eventId);

    public Task<InboxResult> SendAsync(string conversation, string eventId, string text) =>
        Inbox.AcceptAsync(new InboxTurn(Message(conversation, eventId, text), conversation, Channel), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Handler.ReleaseAll();
        await Workers.StopAsync(CancellationToken.None);
        Workers.Dispose();
    }
}

/// <summary>Answers "You said: …"; a text can be made to wait for a release, or to throw.</summary>
internal sealed class ScriptedTurnHandler : ITurnHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Events { get; } = new();

    public HashSet<string> Throwing { get; } = new(StringComparer.Ordinal);

    /// <summary>The turn with this text waits in the handler until <see cref="Release"/>.</summary>
    public void Hold(string text) => _gates[text] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string text) => _gates[text].TrySetResult();

    public void ReleaseAll()
    {
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult();
        }
    }

    public Task Started(string text) => StartSignal(text).Task;

    public async Task<IReadOnlyList<BotReply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Events.Enqueue("start " + message.Text);
        StartSignal(message.Text).TrySetResult();
        if (_gates.TryGetValue(message.Text, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (Throwing.Contains(message.Text))
        {
            Events.Enqueue("throw " + message.Text);
            throw new InvalidOperationException("the engine failed on " + message.Text);
        }
        Events.Enqueue("end " + message.Text);
        return [Reply("You said: " + message.Text)];
    }

    public static BotReply Reply(string text) => new(Language.En, new Classification("echo", 1f, [], ClassificationSource.Pattern), text, [], []);

    private TaskCompletionSource StartSignal(string text) =>
        _started.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>A channel that records every send by address; sends can be awaited by count.</summary>
internal sealed class RecordingChannel : IOutboxChannel
{
    private readonly Lock _gate = new();
    private readonly List<string> _sent = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public string Channel => InboxBench.ChannelName;

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(string address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            Record($"{address}: {reply.Text}");
        }
        return Task.CompletedTask;
    }

    public Task SendApologyAsync(string address, CancellationToken cancellationToken)
    {
        Record($"{address}: sorry");
        return Task.CompletedTask;
    }

    /// <summary>Completes once <paramref name="count"/> messages were sent; a generous bound only catches a hang.</summary>
    public Task WaitForAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_sent.Count >= count)
            {
                return Task.CompletedTask;
            }
            _waiters.Add((count, done));
        }
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Record(string line)
    {
        lock (_gate)
        {
            _sent.Add(line);
            foreach (var waiter in _waiters.Where(w => _sent.Count >= w.Count))
            {
                waiter.Done.TrySetResult();
            }
        }
    }
}
