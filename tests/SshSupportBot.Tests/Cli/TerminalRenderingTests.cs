using SshSupportBot.Languages;
using SshSupportBot.Cli;
using SshSupportBot.Intents;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Cli;

public sealed class TerminalRenderingTests
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void The_permission_table_is_aligned_in_columns_by_display_width(string code)
    {
        var language = code == "ja" ? Language.Ja : Language.En;
        var details = new KnowledgeBaseLoader().Load(RepositoryPaths.Intents).KnowledgeBase.Get("file-permissions").Details!.For(language);

        var text = TerminalTable.AlignTables(details);

        var table = text.Split('\n').SkipWhile(l => !l.Contains(" | ", StringComparison.Ordinal)).TakeWhile(l => l.Contains(" | ", StringComparison.Ordinal) || l.Contains("-+-", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, table.Count);
        Assert.DoesNotContain(table, l => l.StartsWith('|'));
        // Every separator sits in the same terminal column on every line.
        var columns = table.Where(l => !l.Contains("-+-", StringComparison.Ordinal)).Select(SeparatorColumns).ToList();
        Assert.All(columns, c => Assert.Equal(columns[0], c));
        Assert.Equal(columns[0], table[1].Split("-+-").SkipLast(1).Select((_, i) => table[1].Split("-+-").Take(i + 1).Sum(p => p.Length) + 3 * i + 1).ToList());
    }

    private static List<int> SeparatorColumns(string line)
    {
        var parts = line.Split(" | ");
        return parts.SkipLast(1).Select((_, i) => parts.Take(i + 1).Sum(TerminalTable.Width) + 3 * i + 1).ToList();
    }
}
