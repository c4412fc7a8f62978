namespace SshSupportBot.Tests.Slack.Support;

/// <summary>Lets a test wait for a condition on recorded state without sleeping: every change pulses, waiters re-check.</summary>
internal sealed class Signal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(4));
        while (true)
        {
            var next = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.");
            }
            try
            {
                await next.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }
}
