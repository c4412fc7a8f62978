using SshSupportBot.Common;
using Microsoft.Data.Sqlite;
using SshSupportBot.Conversations;

namespace SshSupportBot.Storage;

/// <summary>The embedded default: conversation state in one SQLite file, so a restarted process continues where it stopped.</summary>
internal sealed class SqliteConversationStore : IConversationStore
{
    private readonly string _connectionString;
    private readonly TimeSpan _expiry;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate;

    public SqliteConversationStore(string path, TimeSpan expiry, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _expiry = expiry;
        _time = time;
        _writeGate = SqliteWriteGate.For(path);
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS conversations (
                key TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                state TEXT NOT NULL,
                updated_at INTEGER NOT NULL);
            """ + SqliteTurnOutbox.Schema);
    }

    public async Task<ConversationState?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, state, updated_at FROM conversations WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var version = reader.GetInt64(0);
        var updated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        if (_time.GetUtcNow() - updated > _expiry)
        {
            return null;
        }
        // The stored version is authoritative; the JSON copy may lag one save behind.
        return ConversationStateJson.Deserialize(reader.GetString(1)) is { } state ? state with { Version = version } : null;
    }

    public Task<bool> TrySaveAsync(ConversationState state, CancellationToken cancellationToken) => TrySaveAsync(state, null, cancellationToken);

    public async Task<bool> TrySaveAsync(ConversationState state, OutboxRecord? replies, CancellationToken cancellationToken)
    {
        bool saved;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            saved = await SaveAsync(state, replies, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
        if (saved && replies is not null)
        {
            Common.FaultInjection.CrashIfArmed(Common.FaultInjection.AfterCommit, replies.EventKey);
        }
        return saved;
    }

    private async Task<bool> SaveAsync(ConversationState state, OutboxRecord? replies, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (!await SaveStateAsync(connection, state, cancellationToken))
        {
            return false;
        }
        if (replies is not null)
        {
            await using var record = connection.CreateCommand();
            SqliteTurnOutbox.Record(record, replies, _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> SaveStateAsync(SqliteConnection connection, ConversationState state, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var saved = state with { Version = state.Version + 1 };
        command.CommandText = state.Version == 0
            ? """
              INSERT INTO conversations (key, version, state, updated_at) VALUES ($key, 1, $state, $now)
              ON CONFLICT(key) DO UPDATE SET version = conversations.version + 1, state = excluded.state, updated_at = excluded.updated_at
              WHERE conversations.updated_at < $expired
              """
            : "UPDATE conversations SET version = $next, state = $state, updated_at = $now WHERE key = $key AND version = $version";
        command.Parameters.AddWithValue("$key", state.Key);
        command.Parameters.AddWithValue("$state", ConversationStateJson.Serialize(saved));
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expired", (_time.GetUtcNow() - _expiry).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$version", state.Version);
        command.Parameters.AddWithValue("$next", state.Version + 1);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private SqliteConnection Open() => SqliteFiles.Open(_connectionString);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
