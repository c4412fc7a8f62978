using System.Text.RegularExpressions;
using SshSupportBot.Dialogue;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Dialogue;

public sealed class PhraseKeysInCodeTests
{
    // A phrase is asked for by key (Get, Both, InBothLanguages, or a *Phrase constant); a key the shipped file lacks
    // would only fail when a user reaches that sentence.
    private static readonly Regex KeyUse = new(
        @"(?:\b(?:Get|Both|InBothLanguages)\(\s*""(?<key>[a-z0-9-]+)""|const string \w*Phrase = ""(?<key>[a-z0-9-]+)"")", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_phrase_the_code_asks_for_is_in_the_shipped_phrase_file()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "SshSupportBot");
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => KeyUse.Matches(File.ReadAllText(file)).Select(match => (Key: match.Groups["key"].Value, File: Path.GetFileName(file))))
            .ToList();

        var missing = used.Where(use => !DialogueData.Shipped.Phrases.All.ContainsKey(use.Key)).Select(use => $"{use.Key} ({use.File})").Distinct().ToList();

        Assert.True(used.Count > 40, $"Only {used.Count} phrase uses found; the pattern no longer matches how the code asks for phrases.");
        Assert.True(missing.Count == 0, "Asked for in code but missing from intents/dialogue/phrases.yaml: " + string.Join(", ", missing));
    }
}
