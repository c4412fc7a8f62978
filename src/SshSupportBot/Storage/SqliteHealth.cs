using Microsoft.Data.Sqlite;

namespace SshSupportBot.Storage;

/// <summary>
/// Readiness of the embedded store, checked for real on a fresh connection: the data directory takes a new file, the
/// file at the path is still the database this process opened at start (a deleted or replaced file leaves the pooled
/// connections writing into a file nobody will see again), and a health row can be written and read back.
/// </summary>
internal sealed class SqliteHealth : IStorageHealth
{
    private readonly string _path;
    private readonly string _identity;
    private readonly TimeProvider _time;

    /// <param name="notice">What the start-up check did (a damaged file kept aside), shown by <c>/readyz</c>.</param>
    public SqliteHealth(string databasePath, TimeProvider time, string? notice = null)
    {
        _path = Path.GetFullPath(databasePath);
        _time = time;
        Notice = notice;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var connection = Open(SqliteOpenMode.ReadWriteCreate);
        using var command = connection.CreateCommand();
        // One random token per database file: a different token at the same path means a different file.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS store_identity (id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS health_check (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);
            INSERT OR IGNORE INTO store_identity (id, token) VALUES (1, lower(hex(randomblob(16))));
            """;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT token FROM store_identity WHERE id = 1";
        _identity = (string)command.ExecuteScalar()!;
    }

    public string Kind => "sqlite";

    public string? Notice { get; }

    public Task<string?> ProblemAsync(CancellationToken cancellationToken) => Task.FromResult(Problem());

    private string? Problem()
    {
        var directory = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(directory))
        {
            return $"data directory {directory} missing";
        }
        var probe = Path.Combine(directory, $".sshbot-ready-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"data directory {directory} not writable";
        }
        if (!File.Exists(_path))
        {
            return $"database {_path} was deleted while in use; this process writes into a file that is gone. Restart to start afresh (README: Recovering)";
        }
        try
        {
            using var connection = Open(SqliteOpenMode.ReadWrite);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT token FROM store_identity WHERE id = 1";
            if (command.ExecuteScalar() as string != _identity)
            {
                return $"database {_path} was replaced while in use; this process writes into a file that is gone. Restart to use the new file (README: Recovering)";
            }
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            command.CommandText = "INSERT OR REPLACE INTO health_check (id, checked_at) VALUES (1, $now); SELECT checked_at FROM health_check WHERE id = 1";
            command.Parameters.AddWithValue("$now", now);
            return command.ExecuteScalar() is long read && read == now ? null : $"database {_path} did not read back its health row";
        }
        catch (SqliteException e)
        {
            return $"database {_path} unusable: {e.Message.TrimEnd('.')}. Restart to keep it aside and start afresh (README: Recovering)";
        }
    }

    private SqliteConnection Open(SqliteOpenMode mode)
    {
        // Not pooled: a pooled connection would keep the file it opened at start, which is exactly what must not be trusted.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = mode, Pooling = false, DefaultTimeout = 5 }.ToString());
        connection.Open();
        return connection;
    }
}
