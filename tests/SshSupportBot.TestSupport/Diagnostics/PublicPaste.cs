using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>One real paste from a public report (Fixtures/public-pastes/*.yaml) and what a right diagnosis of it contains.</summary>
public sealed class PublicPaste
{
    public string Id { get; set; } = "";
    public string Source { get; set; } = "";
    public string? DerivedFrom { get; set; }
    public string? Prose { get; set; }
    public string Paste { get; set; } = "";
    public string Intent { get; set; } = "";
    public string? Path { get; set; }
    public List<string> FixContains { get; set; } = [];
    public List<string> Forbidden { get; set; } = [];
    public List<string> ForbiddenCodes { get; set; } = [];

    /// <summary>The whole message as the user sends it: their words, then the paste.</summary>
    public string Message => string.IsNullOrEmpty(Prose) ? Paste : Prose.TrimEnd() + "\n" + Paste;

    public override string ToString() => Id;

    private static readonly Lazy<IReadOnlyList<PublicPaste>> Loaded = new(Load);

    public static IReadOnlyList<PublicPaste> All => Loaded.Value;

    public static PublicPaste Get(string id) => All.Single(p => p.Id == id);

    public static IEnumerable<object[]> Ids() => All.Select(p => new object[] { p.Id });

    private static IReadOnlyList<PublicPaste> Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "public-pastes");
        return Directory.GetFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => deserializer.Deserialize<List<PublicPaste>>(File.ReadAllText(file)))
            .ToList();
    }
}
