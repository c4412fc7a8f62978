using System.Collections.Concurrent;

namespace SshSupportBot.Storage;

/// <summary>
/// One writer at a time per database file within this process. SQLite allows a single writer anyway, and a writer
/// that finds the file busy backs off for a long while; queueing here keeps acknowledgements fast under load.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string path) => Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
}
