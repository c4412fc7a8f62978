using SshSupportBot.Languages;
using Microsoft.Data.Sqlite;
using SshSupportBot.Intents;

namespace SshSupportBot.Storage;

/// <summary>The feedback tables in the same SQLite file as the conversation state.</summary>
internal sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly string _connectionString;
    private readonly TimeSpan _answerWindow;

    public SqliteFeedbackStore(string path, TimeSpan answerWindow)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _answerWindow = answerWindow;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS turns (
                at INTEGER NOT NULL, channel TEXT NOT NULL, intent TEXT, language TEXT NOT NULL, outcome TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS turns_at ON turns (at);
            CREATE TABLE IF NOT EXISTS answers (
                answer_id TEXT PRIMARY KEY, conversation TEXT NOT NULL, channel TEXT NOT NULL, text TEXT NOT NULL, intent TEXT NOT NULL,
                confidence REAL NOT NULL, language TEXT NOT NULL, at INTEGER NOT NULL, helpful INTEGER);
            CREATE INDEX IF NOT EXISTS answers_conversation ON answers (conversation, at);
            CREATE TABLE IF NOT EXISTS review_queue (
                id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL, language TEXT NOT NULL, guessed_intent TEXT, confidence REAL NOT NULL,
                reason TEXT NOT NULL, channel TEXT NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL, assigned_intent TEXT, resolved_by TEXT);
            CREATE TABLE IF NOT EXISTS admin_audit (
                at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public Task RecordTurnAsync(TurnRecord turn, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO turns (at, channel, intent, language, outcome) VALUES ($at, $channel, $intent, $language, $outcome)", cancellationToken,
            ("$at", turn.At.ToUnixTimeMilliseconds()), ("$channel", turn.Channel), ("$intent", turn.Intent), ("$language", turn.Language.ToString()),
            ("$outcome", turn.Outcome.ToString()));

    public async Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        await ExecuteAsync("""
            INSERT INTO answers (answer_id, conversation, channel, text, intent, confidence, language, at)
            VALUES ($id, $conversation, $channel, $text, $intent, $confidence, $language, $at);
            DELETE FROM answers WHERE at < $expired;
            """, cancellationToken,
            ("$id", answer.AnswerId), ("$conversation", answer.ConversationKey), ("$channel", answer.Channel), ("$text", answer.Text),
            ("$intent", answer.Intent), ("$confidence", answer.Confidence), ("$language", answer.Language.ToString()),
            ("$at", answer.At.ToUnixTimeMilliseconds()), ("$expired", (answer.At - _answerWindow).ToUnixTimeMilliseconds()));
    }

    public async Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken) =>
        (await QueryAsync(AnswerColumns + " WHERE answer_id = $id", ReadAnswer, cancellationToken, ("$id", answerId))).FirstOrDefault();

    public async Task<AnswerRecord?> LastAnswerAsync(string conversationKey, CancellationToken cancellationToken) =>
        (await QueryAsync(AnswerColumns + " WHERE conversation = $key ORDER BY at DESC, rowid DESC LIMIT 1", ReadAnswer, cancellationToken,
            ("$key", conversationKey))).FirstOrDefault();

    public async Task<bool> RecordFeedbackAsync(string answerId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE answers SET helpful = $helpful WHERE answer_id = $id AND helpful IS NULL", cancellationToken,
            ("$helpful", helpful ? 1 : 0), ("$id", answerId)) == 1;

    public async Task<long> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var ids = await QueryAsync("""
            INSERT INTO review_queue (text, language, guessed_intent, confidence, reason, channel, at, status)
            VALUES ($text, $language, $intent, $confidence, $reason, $channel, $at, 'Pending') RETURNING id
            """, r => r.GetInt64(0), cancellationToken,
            ("$text", item.Text), ("$language", item.Language.ToString()), ("$intent", item.GuessedIntent), ("$confidence", item.Confidence),
            ("$reason", item.Reason.ToString()), ("$channel", item.Channel), ("$at", item.At.ToUnixTimeMilliseconds()));
        return ids[0];
    }

    public Task<IReadOnlyList<ReviewItem>> PendingAsync(CancellationToken cancellationToken) =>
        QueryAsync(ItemColumns + " WHERE status = 'Pending' ORDER BY at", ReadItem, cancellationToken);

    public async Task<ReviewItem?> FindItemAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync(ItemColumns + " WHERE id = $id", ReadItem, cancellationToken, ("$id", id))).FirstOrDefault();

    public Task<int> ResolveAsync(long id, ReviewStatus status, string? intent, string actor, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE review_queue SET status = $status, assigned_intent = $intent, resolved_by = $actor
            WHERE status = 'Pending' AND (id = $id OR text = (SELECT text FROM review_queue WHERE id = $id))
            """, cancellationToken, ("$status", status.ToString()), ("$intent", intent), ("$actor", actor), ("$id", id));

    public Task AuditAsync(string actor, string action, string detail, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO admin_audit (at, actor, action, detail) VALUES ($at, $actor, $action, $detail)", cancellationToken,
            ("$at", at.ToUnixTimeMilliseconds()), ("$actor", actor), ("$action", action), ("$detail", detail));

    public async Task<UsageStats> StatsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUnixTimeMilliseconds();
        var outcomes = (await QueryAsync("SELECT outcome, COUNT(*) FROM turns WHERE at >= $from GROUP BY outcome",
            r => (Outcome: Enum.Parse<TurnOutcome>(r.GetString(0)), Count: r.GetInt32(1)), cancellationToken, ("$from", from)))
            .ToDictionary(o => o.Outcome, o => o.Count);
        var byIntent = await QueryAsync("""
            SELECT COALESCE(intent, ''), language, COUNT(*) FROM turns
            WHERE at >= $from AND outcome IN ('Answered', 'LowConfidence', 'Declined', 'Flow')
            GROUP BY intent, language ORDER BY COUNT(*) DESC, intent
            """, r => (r.GetString(0), Enum.Parse<Language>(r.GetString(1)), r.GetInt32(2)), cancellationToken, ("$from", from));
        var feedback = (await QueryAsync("SELECT helpful, COUNT(*) FROM answers WHERE at >= $from AND helpful IS NOT NULL GROUP BY helpful",
            r => (Helpful: r.GetInt32(0) == 1, Count: r.GetInt32(1)), cancellationToken, ("$from", from))).ToDictionary(f => f.Helpful, f => f.Count);
        int Count(TurnOutcome outcome) => outcomes.GetValueOrDefault(outcome);
        var turns = Count(TurnOutcome.Answered) + Count(TurnOutcome.LowConfidence) + Count(TurnOutcome.Declined) + Count(TurnOutcome.Flow);
        return new UsageStats(since, turns, Count(TurnOutcome.Declined), Count(TurnOutcome.LowConfidence),
            feedback.GetValueOrDefault(true), feedback.GetValueOrDefault(false), Count(TurnOutcome.Handoff), byIntent);
    }

    private const string AnswerColumns = "SELECT answer_id, conversation, channel, text, intent, confidence, language, at FROM answers";

    private const string ItemColumns = "SELECT id, text, language, guessed_intent, confidence, reason, channel, at, status FROM review_queue";

    private static AnswerRecord ReadAnswer(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetFloat(5), Enum.Parse<Language>(r.GetString(6)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)));

    private static ReviewItem ReadItem(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), Enum.Parse<Language>(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetString(3), r.GetFloat(4), Enum.Parse<ReviewReason>(r.GetString(5)), r.GetString(6),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)), Enum.Parse<ReviewStatus>(r.GetString(8)));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private SqliteConnection Open() => SqliteFiles.Open(_connectionString);
}
