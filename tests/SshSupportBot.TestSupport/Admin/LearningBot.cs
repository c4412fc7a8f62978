using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Admin;
using SshSupportBot.Conversations;
using SshSupportBot.Hosting;
using SshSupportBot.Probes;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Admin;

/// <summary>The learning turn handler over the trained repository bot, with its own throw-away database and a fake admin channel.</summary>
internal sealed class LearningBot : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sshbot-tests", Guid.NewGuid().ToString("N"));
    private int _turn;

    public LearningBot(AdminSettings? admin = null, ReviewSettings? review = null, bool adminChannel = true, ServerCheckSettings? serverCheck = null)
    {
        Directory.CreateDirectory(_directory);
        var runtime = TrainedBot.Runtime;
        var database = DatabasePath;
        var time = TimeProvider.System;
        review ??= new ReviewSettings();
        var conversations = new SqliteConversationStore(database, TimeSpan.FromHours(1), time);
        Store = new SqliteFeedbackStore(database, review.FeedbackWindow);
        Notifier = new FakeNotifier(adminChannel);
        var storedText = new StoredText(review);
        var models = new BotModelHolder(IntentsReloader.Create(runtime, runtime.KnowledgeBase, runtime.Built, conversations, time));
        var actions = new ReviewActions(Store, runtime.IntentsPath, time, NullLogger.Instance);
        Handler = new LearningTurnHandler(models, Store, storedText, review, admin ?? new AdminSettings(),
            new AdminCommands(Store, actions, null, time, NullLogger<AdminCommands>.Instance,
                serverCheck is null ? null : new ServerCheck(serverCheck, time, NullLogger<ServerCheck>.Instance)),
            new Handoff(Notifier, conversations, storedText, runtime.Bot, NullLogger<Handoff>.Instance, serverCheck),
            time, NullLogger<LearningTurnHandler>.Instance);
    }

    public IFeedbackStore Store { get; }

    public string DatabasePath => Path.Combine(_directory, "conversations.db");

    public FakeNotifier Notifier { get; }

    public LearningTurnHandler Handler { get; }

    public async Task<BotReply> SendAsync(string text, string user = "U1", string channel = "slack", string conversation = "C1") =>
        (await Handler.HandleAsync(new IncomingMessage(channel, conversation, user, text, $"e{_turn++}"), CancellationToken.None)).Single();

    public async Task<BotReply> PressAsync(ReplyChoice choice, string user = "U1", string channel = "slack", string conversation = "C1") =>
        await PressAsync(choice.Action, choice.Label, user, channel, conversation);

    public async Task<BotReply> PressAsync(TurnAction action, string label = "", string user = "U1", string channel = "slack", string conversation = "C1") =>
        (await Handler.HandleAsync(new IncomingMessage(channel, conversation, user, label, $"e{_turn++}", action), CancellationToken.None)).Single();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled connections may still hold the file for a moment.
        }
    }

    internal sealed class FakeNotifier(bool configured) : IHandoffNotifier
    {
        public List<string> Posted { get; } = [];

        public bool IsConfigured => configured;

        public Task<bool> NotifyAsync(string text, CancellationToken cancellationToken)
        {
            Posted.Add(text);
            return Task.FromResult(true);
        }
    }
}
