using Microsoft.Data.Sqlite;

namespace SshSupportBot.Storage;

/// <summary>How every store opens the shared conversations database, so they all write it the same way.</summary>
internal static class SqliteFiles
{
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // In WAL mode NORMAL syncs at checkpoints only: a commit no longer waits for the disk, and a crash still
        // cannot corrupt the file (at worst the last turns are forgotten).
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = NORMAL";
            pragma.ExecuteNonQuery();
        }
        return connection;
    }
}
