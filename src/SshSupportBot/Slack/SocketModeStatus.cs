namespace SshSupportBot.Slack;

/// <summary>How many Socket Mode links are open now, for <c>/readyz</c>.</summary>
internal sealed class SocketModeStatus
{
    private int _open;

    public int OpenLinks => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}
