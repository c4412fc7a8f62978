namespace SshSupportBot.Hosting;

/// <summary>Finds <c>intents/</c> and the data directory so that a fresh clone works with no configuration.</summary>
internal static class BotPaths
{
    public static string ResolveIntents(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "intents");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any())
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException(
            "Could not find the 'intents' directory. Run the bot from the repository, or set Bot:IntentsPath (environment variable Bot__IntentsPath).");
    }

    public static string ResolveData(string? configured, string intentsPath) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(intentsPath)) ?? ".", ".sshbot")
            : Path.GetFullPath(configured);
}
