using Microsoft.Data.Sqlite;

namespace SshSupportBot.Storage;

/// <summary>Claims kept in the SQLite file, so a restarted process does not answer a re-delivered event twice.</summary>
internal sealed class SqliteEventDeduplicator : IEventDeduplicator
{
    // Sweep expired claims now and then rather than on every claim.
    private const int SweepEvery = 1024;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate;
    private int _claimsSinceSweep;

    public SqliteEventDeduplicator(string path, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _time = time;
        _writeGate = SqliteWriteGate.For(path);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS claimed_events (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public async Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await ClaimAsync(key, ttl, now, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<bool> ClaimAsync(string key, TimeSpan ttl, long now, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        // One statement: a fresh key is inserted, an expired one taken over, a live one left alone (0 rows changed).
        command.CommandText = """
            INSERT INTO claimed_events (key, expires_at) VALUES ($key, $expires)
            ON CONFLICT(key) DO UPDATE SET expires_at = excluded.expires_at WHERE claimed_events.expires_at <= $now;
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$expires", now + (long)ttl.TotalMilliseconds);
        command.Parameters.AddWithValue("$now", now);
        var claimed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (Interlocked.Increment(ref _claimsSinceSweep) % SweepEvery == 0)
        {
            await using var sweep = connection.CreateCommand();
            sweep.CommandText = "DELETE FROM claimed_events WHERE expires_at <= $now";
            sweep.Parameters.AddWithValue("$now", now);
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        return claimed;
    }

    private SqliteConnection Open() => SqliteFiles.Open(_connectionString);
}
