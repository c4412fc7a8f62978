using SshSupportBot.Storage;

namespace SshSupportBot.Tests.Admin;

/// <summary>The feedback store contract against SQLite, each store in its own throw-away database.</summary>
public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sshbot-tests", Guid.NewGuid().ToString("N"));

    private protected override IFeedbackStore NewStore(TimeSpan answerWindow) =>
        new SqliteFeedbackStore(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), answerWindow);

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
