namespace SshSupportBot.Cli;

/// <summary>Start-up messages (training, skipped files) go to standard error so that standard output stays machine-readable.</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public static readonly ConsoleProgress Instance = new();

    public void Report(string value) => Console.Error.WriteLine(value);
}
