using SshSupportBot.Conversations;
using Microsoft.Data.Sqlite;

namespace SshSupportBot.Storage;

/// <summary>The outbox as a table in the conversations database, so a reply is committed in the same transaction as its state.</summary>
internal sealed class SqliteTurnOutbox : ITurnOutbox
{
    /// <summary>Created by whichever store opens the file first; <see cref="SqliteConversationStore"/> writes replies into it.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS turn_outbox (
            key TEXT PRIMARY KEY,
            address TEXT,
            replies TEXT,
            touched_at INTEGER NOT NULL,
            sent_at INTEGER);
        CREATE INDEX IF NOT EXISTS turn_outbox_pending ON turn_outbox (sent_at, touched_at);
        """;

    private readonly string _connectionString;
    private readonly OutboxTiming _timing;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate;

    public SqliteTurnOutbox(string path, OutboxTiming timing, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _timing = timing;
        _time = time;
        _writeGate = SqliteWriteGate.For(path);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;" + Schema;
        command.ExecuteNonQuery();
    }

    public Task<OutboxClaim> ClaimAsync(string eventKey, string address, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            var now = Now;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var decision = OutboxDecision.Answer;
            IReadOnlyList<Conversations.BotReply>? replies = null;
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT replies, touched_at, sent_at FROM turn_outbox WHERE key = $key";
                select.Parameters.AddWithValue("$key", eventKey);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    var touched = reader.GetInt64(1);
                    var recorded = reader.IsDBNull(0) ? null : BotReplyJson.Deserialize(reader.GetString(0));
                    (decision, replies) = (sent: !reader.IsDBNull(2), recorded) switch
                    {
                        { sent: true } => (OutboxDecision.Done, null),
                        { recorded: not null } when touched <= now - Ms(_timing.ResendAfter) => (OutboxDecision.Resend, recorded),
                        { recorded: null } when touched <= now - Ms(_timing.ClaimLease) => (OutboxDecision.Retake, null),
                        _ => (OutboxDecision.InProgress, null),
                    };
                }
            }
            if (decision is OutboxDecision.Answer or OutboxDecision.Retake or OutboxDecision.Resend)
            {
                await using var write = connection.CreateCommand();
                write.CommandText = """
                    INSERT INTO turn_outbox (key, address, replies, touched_at) VALUES ($key, $address, NULL, $now)
                    ON CONFLICT(key) DO UPDATE SET address = excluded.address, touched_at = excluded.touched_at,
                        replies = CASE WHEN $keepReplies THEN turn_outbox.replies ELSE NULL END
                    """;
                write.Parameters.AddWithValue("$key", eventKey);
                write.Parameters.AddWithValue("$address", address);
                write.Parameters.AddWithValue("$now", now);
                write.Parameters.AddWithValue("$keepReplies", decision == OutboxDecision.Resend);
                await write.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new OutboxClaim(decision, replies);
        }, cancellationToken);

    public Task RecordAsync(OutboxRecord record, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            Record(command, record, Now);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>The one statement that records replies, also run inside the conversation store's save transaction.</summary>
    public static void Record(SqliteCommand command, OutboxRecord record, long now)
    {
        command.CommandText = """
            INSERT INTO turn_outbox (key, replies, touched_at) VALUES ($outboxKey, $replies, $outboxNow)
            ON CONFLICT(key) DO UPDATE SET replies = excluded.replies, touched_at = excluded.touched_at WHERE turn_outbox.sent_at IS NULL
            """;
        command.Parameters.AddWithValue("$outboxKey", record.EventKey);
        command.Parameters.AddWithValue("$replies", BotReplyJson.Serialize(record.Replies));
        command.Parameters.AddWithValue("$outboxNow", now);
    }

    public Task MarkSentAsync(string eventKey, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            // A turn that sent only an apology has no row with replies yet; the row still records that it was answered.
            command.CommandText = """
                INSERT INTO turn_outbox (key, touched_at, sent_at) VALUES ($key, $now, $now)
                ON CONFLICT(key) DO UPDATE SET sent_at = excluded.sent_at, replies = NULL, address = NULL
                """;
            command.Parameters.AddWithValue("$key", eventKey);
            command.Parameters.AddWithValue("$now", Now);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(int max, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<PendingDelivery>>(async connection =>
        {
            var now = Now;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var forget = connection.CreateCommand())
            {
                forget.CommandText = "DELETE FROM turn_outbox WHERE touched_at < $old";
                forget.Parameters.AddWithValue("$old", now - Ms(_timing.Retention));
                await forget.ExecuteNonQueryAsync(cancellationToken);
            }
            var due = new List<PendingDelivery>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = """
                    SELECT key, address, replies FROM turn_outbox
                    WHERE sent_at IS NULL AND replies IS NOT NULL AND address IS NOT NULL AND touched_at <= $due
                    ORDER BY touched_at LIMIT $max
                    """;
                select.Parameters.AddWithValue("$due", now - Ms(_timing.ClaimLease));
                select.Parameters.AddWithValue("$max", max);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (BotReplyJson.Deserialize(reader.GetString(2)) is { } replies)
                    {
                        due.Add(new PendingDelivery(reader.GetString(0), reader.GetString(1), replies));
                    }
                }
            }
            foreach (var pending in due)
            {
                await using var touch = connection.CreateCommand();
                touch.CommandText = "UPDATE turn_outbox SET touched_at = $now WHERE key = $key";
                touch.Parameters.AddWithValue("$now", now);
                touch.Parameters.AddWithValue("$key", pending.EventKey);
                await touch.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return due;
        }, cancellationToken);

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = SqliteFiles.Open(_connectionString);
            return await write(connection);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private SqliteConnection Open() => SqliteFiles.Open(_connectionString);
}
