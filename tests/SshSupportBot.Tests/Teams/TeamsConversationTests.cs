using SshSupportBot.Storage;
using SshSupportBot.Tests.Support;
using SshSupportBot.Tests.Teams.Support;

namespace SshSupportBot.Tests.Teams;

/// <summary>The real engine behind the Teams endpoint, answered by typing as a lab member does, with signed activities.</summary>
public sealed class TeamsConversationTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    private TestSigningKey key => _bed.Key;

    private FakeConnector connector => _bed.Connector;

    private TeamsTestHost host => _bed.Host;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(Path.GetTempPath(), "sshbot-tests", $"{Guid.NewGuid():N}.db");
        var engine = TrainedBot.Runtime.CreateEngine(new SqliteConversationStore(database, TimeSpan.FromHours(1), TimeProvider.System), TimeProvider.System);
        _bed = await TeamsTestBed.StartAsync(handler: engine);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<string> SayAsync(string text, int id)
    {
        await host.PostAsync(ActivityBuilder.Message(text, connector.ServiceUrl, id: $"typed-{id}"), key.Token(serviceUrl: connector.ServiceUrl));
        return (await connector.WaitForRepliesAsync(id))[id - 1].Text;
    }

    [Fact]
    public async Task An_english_user_answers_by_typing_changes_their_mind_and_ends_the_checks_with_thanks()
    {
        await SayAsync("I get Permission denied (publickey) on the gateway", 1);

        Assert.Contains("which computer do you log in from", await SayAsync("yes please", 2));
        Assert.Contains("stat -c", await SayAsync("linux", 3));
        Assert.Contains("Permissions (Windows)", await SayAsync("actually I'm on windows", 4));
        var closing = await SayAsync("thanks, that's enough", 5);
        Assert.Contains("stop the checks", closing);
        Assert.DoesNotContain("icacls", closing);
    }
}
