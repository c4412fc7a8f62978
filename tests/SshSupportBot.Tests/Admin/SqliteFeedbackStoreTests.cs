using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Admin;

/// <summary>The feedback store contract against SQLite, each store in its own throw-away database.</summary>
public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sshbot-tests", Guid.NewGuid().ToString("N"));

    private readonly Dictionary<IFeedbackStore, string> _paths = [];

    private protected override IFeedbackStore NewStore(TimeSpan answerWindow)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        var store = new SqliteFeedbackStore(path, answerWindow);
        _paths.Add(store, path);
        return store;
    }

    private protected override Task<IReadOnlyList<AuditRow>> AuditTrailAsync(IFeedbackStore store) => AuditTrail.ReadSqliteAsync(_paths[store]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled connections may still hold a file for a moment.
        }
    }
}
