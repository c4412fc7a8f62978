using SshSupportBot.Languages;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Storage;

/// <summary>The turn outbox contract against SQLite, plus what only a file on disk must do: survive a restart.</summary>
public sealed class SqliteTurnOutboxTests : TurnOutboxContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sshbot-outbox-").FullName;

    private protected override (ITurnOutbox, IConversationStore?) NewOutbox()
    {
        var path = Path.Combine(_directory, "conversations.db");
        return (new SqliteTurnOutbox(path, Timing, Clock), new SqliteConversationStore(path, TimeSpan.FromHours(2), Clock));
    }

    [Fact]
    public async Task A_recorded_reply_survives_a_restart_of_the_process()
    {
        var path = Path.Combine(_directory, "restart.db");
        var before = new SqliteTurnOutbox(path, Timing, Clock);
        await before.ClaimAsync("teams:a1", "address", default);
        await new SqliteConversationStore(path, TimeSpan.FromHours(2), Clock)
            .TrySaveAsync(ConversationState.New("teams:c1", Clock.GetUtcNow()), new OutboxRecord("teams:a1", [new BotReply(Language.Ja,
                new Classification("bot", 1f, [], ClassificationSource.Pattern), "公開鍵を登録してください。", [], [])]), default);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Clock.Advance(Timing.ClaimLease + TimeSpan.FromSeconds(1));
        var afterRestart = new SqliteTurnOutbox(path, Timing, Clock);

        Assert.Equal("公開鍵を登録してください。", Assert.Single(Assert.Single(await afterRestart.TakeDueAsync(10, default)).Replies).Text);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
