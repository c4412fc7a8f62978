namespace SshSupportBot.Cli;

/// <summary>
/// Runs a command's work off the invocation thread and waits for it only until Ctrl-C or SIGTERM, so the command ends
/// promptly even when the work is blocked (a read from a pipe that stays open) or stuck in a loop that cannot be cancelled.
/// </summary>
internal static class CliWork
{
    public static Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        Task.Run(work, CancellationToken.None).WaitAsync(cancellationToken);

    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Run(work, CancellationToken.None).WaitAsync(cancellationToken);
}
