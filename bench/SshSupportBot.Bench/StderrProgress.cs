namespace SshSupportBot.Bench;

/// <summary>
/// Writes progress to standard error at once, on the calling thread: <see cref="Progress{T}"/> would post it to
/// the thread pool, out of order and in the middle of the timed loop; stdout stays clean for <c>--json</c>.
/// </summary>
internal sealed class StderrProgress : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine(value);
}
