namespace SshSupportBot.Storage;

/// <summary>The embedded store is a file in the data directory: reachable while that directory is writable.</summary>
internal sealed class SqliteHealth(string databasePath) : IStorageHealth
{
    public string Kind => "sqlite";

    public Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        return Task.FromResult(Directory.Exists(directory) ? null : $"data directory missing");
    }
}
