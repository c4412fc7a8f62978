using System.Threading.Channels;

namespace SshSupportBot.Teams;

/// <summary>
/// Bounded, so a flood cannot grow memory without limit: when full the endpoint answers 503 and the
/// Bot Connector re-sends later, which is better than holding the request past its 15-second budget.
/// </summary>
internal sealed class TeamsWorkQueue
{
    private readonly Channel<TeamsWorkItem> channel = Channel.CreateBounded<TeamsWorkItem>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    public bool TryEnqueue(TeamsWorkItem item) => channel.Writer.TryWrite(item);

    public ChannelReader<TeamsWorkItem> Reader => channel.Reader;
}
