using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Production;

public sealed class SqliteEventDeduplicatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sshbot-dedupe-").FullName;

    private string Database => Path.Combine(_directory, "conversations.db");

    [Fact]
    public async Task A_claim_survives_a_restart_of_the_process()
    {
        var before = new SqliteEventDeduplicator(Database, TimeProvider.System);
        Assert.True(await before.TryClaimAsync("slack:event:Ev1", TimeSpan.FromHours(1), default));

        var afterRestart = new SqliteEventDeduplicator(Database, TimeProvider.System);

        Assert.False(await afterRestart.TryClaimAsync("slack:event:Ev1", TimeSpan.FromHours(1), default));
        Assert.True(await afterRestart.TryClaimAsync("slack:event:Ev2", TimeSpan.FromHours(1), default));
    }

    [Fact]
    public async Task An_expired_claim_can_be_taken_again_and_concurrent_claims_have_one_winner()
    {
        var dedupe = new SqliteEventDeduplicator(Database, TimeProvider.System);
        Assert.True(await dedupe.TryClaimAsync("k", TimeSpan.FromMilliseconds(50), default));
        await Task.Delay(100);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => dedupe.TryClaimAsync("k", TimeSpan.FromHours(1), default))));

        Assert.Single(claims, c => c);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
