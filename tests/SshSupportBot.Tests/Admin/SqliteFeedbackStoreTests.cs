using Microsoft.Data.Sqlite;
using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Admin;

/// <summary>The feedback store contract against SQLite, each store in its own throw-away database.</summary>
public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sshbot-tests", Guid.NewGuid().ToString("N"));

    private readonly Dictionary<IFeedbackStore, string> _paths = [];

    private protected override IFeedbackStore NewStore(TimeSpan answerWindow)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        var store = new SqliteFeedbackStore(path, answerWindow);
        _paths.Add(store, path);
        return store;
    }

    private protected override async Task<IReadOnlyList<AuditRow>> AuditTrailAsync(IFeedbackStore store)
    {
        await using var connection = new SqliteConnection($"Data Source={_paths[store]};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, actor, action, detail FROM admin_audit ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return rows;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled connections may still hold a file for a moment.
        }
    }
}
