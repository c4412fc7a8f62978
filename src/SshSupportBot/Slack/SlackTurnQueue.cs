using System.Threading.Channels;

namespace SshSupportBot.Slack;

/// <summary>Accepted turns between the acknowledgement and the work; bounded so a flood cannot exhaust memory.</summary>
internal sealed class SlackTurnQueue(SlackOptions options)
{
    private readonly Channel<SlackTurn> channel = Channel.CreateBounded<SlackTurn>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public bool TryEnqueue(SlackTurn turn) => channel.Writer.TryWrite(turn);

    public ChannelReader<SlackTurn> Reader => channel.Reader;
}
