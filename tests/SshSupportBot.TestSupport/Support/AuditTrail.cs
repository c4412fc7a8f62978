using Microsoft.Data.Sqlite;

namespace SshSupportBot.Tests.Support;

/// <summary>One row of the admins' audit trail, as a store keeps it.</summary>
internal sealed record AuditRow(DateTimeOffset At, string Actor, string Action, string Detail)
{
    /// <summary>"actor|action|detail", for asserting a whole trail in one line.</summary>
    public string Line => $"{Actor}|{Action}|{Detail}";
}

/// <summary>Reads the audit trail straight from a SQLite database: no part of the bot's interface reads it back.</summary>
internal static class AuditTrail
{
    public static async Task<IReadOnlyList<AuditRow>> ReadSqliteAsync(string databasePath)
    {
        // Unpooled, so that the test can delete the database file afterwards.
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
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
}
