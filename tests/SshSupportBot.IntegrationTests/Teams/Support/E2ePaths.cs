namespace SshSupportBot.Tests.Teams.Support;

/// <summary>Where the end-to-end pieces live: the repository's tests/e2e and the bot built beside the tests.</summary>
internal static class E2ePaths
{
    public const string Chromium = "/usr/bin/chromium";

    public static string E2eDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "e2e");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/e2e/package.json not found above " + AppContext.BaseDirectory);
    }

    public static string BotAssembly() => Path.Combine(AppContext.BaseDirectory, "sshbot.dll");
}
