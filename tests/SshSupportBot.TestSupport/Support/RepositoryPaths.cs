namespace SshSupportBot.Tests.Support;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Intents => Path.Combine(Root, "intents");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SshSupportBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("The tests must run inside the repository (SshSupportBot.sln not found above the test binaries).");
    }
}
