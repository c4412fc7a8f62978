using SshSupportBot.Conversations;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;
using SshSupportBot.Transcripts;

namespace SshSupportBot.Tests.Conversations;

public sealed class TranscriptTests
{
    /// <summary>The suite's own transcripts, and the admins' in <c>intents/tests/</c>.</summary>
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders())
        {
            foreach (var file in Directory.GetFiles(folder, "*.transcript").Order())
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }
        return data;
    }

    [Fact]
    public void There_are_transcripts_in_both_places()
    {
        Assert.All(Folders(), folder => Assert.NotEmpty(Directory.GetFiles(folder, "*.transcript")));
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Conversation_goes_as_the_transcript_says(string file)
    {
        var transcript = Transcript.Parse(Path.Combine(RepositoryPaths.Root, file));
        var database = Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}.db");
        var runtime = TrainedBot.Runtime;
        var runner = new TranscriptRunner(() => runtime.CreateEngine(new SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System), TimeProvider.System));

        var failures = await runner.RunAsync(transcript, CancellationToken.None);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string[] Folders() =>
        [Path.Combine(RepositoryPaths.Root, "tests", "SshSupportBot.Tests", "Transcripts"), Path.Combine(RepositoryPaths.Intents, "tests")];
}
