using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SshSupportBot.Storage;

/// <summary>
/// Before any store opens the conversations database: a file SQLite cannot read, or whose <c>PRAGMA quick_check</c>
/// fails, is renamed aside with a timestamp (with its -wal and -shm) and the bot starts with a fresh one, instead of
/// exiting at every start. What was done is returned for the log and <c>/readyz</c>.
/// </summary>
internal static class SqliteStartupCheck
{
    private static readonly string[] Companions = ["", "-wal", "-shm"];

    /// <returns>Null when the file is sound or new; otherwise a sentence saying where the damaged file was kept.</returns>
    public static string? KeepDamagedFileAside(string path, TimeProvider time)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var problem = Check(path);
        if (problem is null)
        {
            return null;
        }
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = $"{path}.broken-{stamp}";
        foreach (var suffix in Companions)
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix);
            }
        }
        return $"The conversations database {path} was damaged ({problem}); it was kept aside as {aside} and the bot started with a fresh one. " +
               "Conversations in progress and remembered events were lost; see README, Recovering.";
    }

    private static string? Check(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read() && lines.Count < 3)
            {
                lines.Add(reader.GetString(0));
            }
            return lines is ["ok"] ? null : "quick_check: " + string.Join("; ", lines);
        }
        // SQLITE_CORRUPT and SQLITE_NOTADB: damaged or not a database at all. Anything else (permissions, a full disk) is
        // not the file's fault and must stop the start with its own message rather than move a sound file away.
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            return e.Message.TrimEnd('.');
        }
    }
}
