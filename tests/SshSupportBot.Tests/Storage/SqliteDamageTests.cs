using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SshSupportBot.Conversations;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Storage;

/// <summary>The conversations database damaged under a running or starting bot, with real files: deleted, replaced, overwritten, read-only.</summary>
public sealed class SqliteDamageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sshbot-damage-").FullName;

    private string Database => Path.Combine(_directory, "conversations.db");

    private static ConversationState NewConversation() => ConversationState.New("slack:T1:D1:" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);

    private static void DeleteWithCompanions(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task A_sound_database_is_ready_and_passes_the_start_check_untouched()
    {
        var store = new SqliteConversationStore(Database, TimeSpan.FromHours(2), TimeProvider.System);
        Assert.True(await store.TrySaveAsync(NewConversation(), default));
        SqliteConnection.ClearAllPools();

        Assert.Null(SqliteStartupCheck.KeepDamagedFileAside(Database, TimeProvider.System));
        var health = new SqliteHealth(Database, TimeProvider.System);

        Assert.Null(await health.ProblemAsync(default));
        Assert.Null(health.Notice);
        Assert.Empty(Directory.GetFiles(_directory, "*.broken-*"));
    }

    [Fact]
    public async Task A_database_deleted_while_in_use_fails_readiness_though_the_open_connections_still_write()
    {
        var health = new SqliteHealth(Database, TimeProvider.System);
        var store = new SqliteConversationStore(Database, TimeSpan.FromHours(2), TimeProvider.System);
        Assert.True(await store.TrySaveAsync(NewConversation(), default));

        DeleteWithCompanions(Database);

        // The hazard itself: pooled connections go on writing into the unlinked file.
        Assert.True(await store.TrySaveAsync(NewConversation(), default));
        Assert.Contains("was deleted while in use", await health.ProblemAsync(default));
    }

    [Fact]
    public async Task A_database_replaced_by_another_file_while_in_use_fails_readiness()
    {
        var health = new SqliteHealth(Database, TimeProvider.System);
        var other = Path.Combine(_directory, "other.db");
        _ = new SqliteHealth(other, TimeProvider.System);
        SqliteConnection.ClearAllPools();

        File.Move(other, Database, overwrite: true);
        File.Delete(Database + "-wal");
        File.Delete(Database + "-shm");

        Assert.Contains("was replaced while in use", await health.ProblemAsync(default));
    }

    [Fact]
    public async Task A_database_overwritten_in_place_while_in_use_fails_readiness()
    {
        var health = new SqliteHealth(Database, TimeProvider.System);
        SqliteConnection.ClearAllPools();

        await File.WriteAllBytesAsync(Database, Garbage(8192));
        File.Delete(Database + "-wal");
        File.Delete(Database + "-shm");

        Assert.Contains("unusable", await health.ProblemAsync(default));
    }

    [Fact]
    public async Task A_data_directory_made_read_only_while_in_use_fails_readiness()
    {
        var health = new SqliteHealth(Database, TimeProvider.System);
        Assert.Null(await health.ProblemAsync(default));

        ReadOnly(_directory, true);
        try
        {
            Assert.Contains("not writable", await health.ProblemAsync(default));
        }
        finally
        {
            ReadOnly(_directory, false);
        }
        Assert.Null(await health.ProblemAsync(default));
    }

    [Fact]
    public async Task A_database_overwritten_with_garbage_is_kept_aside_at_start_and_the_bot_starts_with_a_fresh_one()
    {
        var garbage = Garbage(20_000);
        await File.WriteAllBytesAsync(Database, garbage);

        var notice = SqliteStartupCheck.KeepDamagedFileAside(Database, TimeProvider.System);

        Assert.NotNull(notice);
        var aside = Assert.Single(Directory.GetFiles(_directory, "conversations.db.broken-*"));
        Assert.Equal(garbage, await File.ReadAllBytesAsync(aside));
        Assert.Contains(aside, notice);
        Assert.Contains("file is not a database", notice);
        var health = new SqliteHealth(Database, TimeProvider.System, notice);
        Assert.True(await new SqliteConversationStore(Database, TimeSpan.FromHours(2), TimeProvider.System).TrySaveAsync(NewConversation(), default));
        Assert.Null(await health.ProblemAsync(default));
        Assert.Equal(notice, health.Notice);
    }

    [Fact]
    public async Task A_database_with_a_damaged_page_fails_the_start_check_and_is_kept_aside()
    {
        var store = new SqliteConversationStore(Database, TimeSpan.FromHours(2), TimeProvider.System);
        for (var i = 0; i < 300; i++)
        {
            await store.TrySaveAsync(NewConversation() with { LastChoices = [new ReplyChoice(new ChooseOption("2"), new string('x', 200))] }, default);
        }
        SqliteConnection.ClearAllPools();
        using (var checkpoint = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            checkpoint.Open();
            using var command = checkpoint.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }
        // Scribble over the middle of the file: b-tree pages, not the header.
        await using (var file = File.OpenWrite(Database))
        {
            file.Seek(file.Length / 2, SeekOrigin.Begin);
            file.Write(Garbage(4096));
        }

        var notice = SqliteStartupCheck.KeepDamagedFileAside(Database, TimeProvider.System);

        Assert.NotNull(notice);
        Assert.False(File.Exists(Database));
        Assert.Single(Directory.GetFiles(_directory, "conversations.db.broken-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    /// <summary>chmod does not stop root, so as root the directory is made immutable instead.</summary>
    private static void ReadOnly(string path, bool on)
    {
        var root = Environment.UserName == "root";
        using var process = Process.Start(root ? "chattr" : "chmod", root ? [on ? "+i" : "-i", path] : [on ? "555" : "755", path])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
