using SshSupportBot.Diagnostics;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>Runs the production analyzers over recorded or hand-written pastes.</summary>
internal static class Paste
{
    public const string Home = "/opt/ssh-fixture/home/sshfixture";
    public const string SshDir = Home + "/.ssh";

    private static readonly Diagnostician Diagnostician = new(Analyzers.All());

    public static IReadOnlyList<Finding> Diagnose(string text) => Diagnostician.Diagnose(text);

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openssh", name + ".txt"));

    public static IReadOnlyList<Finding> DiagnoseFixture(string name) => Diagnose(Fixture(name));

    public static IEnumerable<string> FixtureNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openssh"), "*.txt")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);

    public static Finding Only(this IReadOnlyList<Finding> findings, string code) => Assert.Single(findings, f => f.Code == code);

    public static IReadOnlyList<string> Codes(this IReadOnlyList<Finding> findings) => findings.Select(f => f.Code).ToList();
}
