using SshSupportBot.Conversations;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;
using SshSupportBot.Transcripts;

namespace SshSupportBot.Tests.Conversations;

public sealed class TranscriptTests
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.transcript").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Conversation_goes_as_the_transcript_says(string file)
    {
        var transcript = Transcript.Parse(Path.Combine(AppContext.BaseDirectory, "Transcripts", file));
        var database = Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}.db");
        var runtime = TrainedBot.Runtime;
        var runner = new TranscriptRunner(() => runtime.CreateEngine(new SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System), TimeProvider.System));

        var failures = await runner.RunAsync(transcript, CancellationToken.None);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
