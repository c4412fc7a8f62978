namespace SshSupportBot.Diagnostics;

/// <summary>The analyzers every message goes through, in the order their findings are listed.</summary>
internal static class Analyzers
{
    public static IReadOnlyList<IPasteAnalyzer> All() => [];
}
