using System.Text.Json;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>Reads CLINC150 Full (<c>data_full.json</c>) into the paper's two configurations.</summary>
internal static class ClincLoader
{
    private const string UpstreamOutOfScope = "oos";

    public static Dataset OosTrain(string dataDirectory)
    {
        var splits = Read(dataDirectory);
        return new Dataset("clinc150", "oos-train",
            [.. splits["train"], .. splits["oos_train"]],
            [.. splits["val"], .. splits["oos_val"]],
            [.. splits["test"], .. splits["oos_test"]]);
    }

    /// <summary>The paper's oos-threshold method: out-of-scope is never seen in training, only the threshold catches it.</summary>
    public static Dataset OosThreshold(string dataDirectory)
    {
        var splits = Read(dataDirectory);
        return new Dataset("clinc150", "oos-threshold",
            splits["train"],
            [.. splits["val"], .. splits["oos_val"]],
            [.. splits["test"], .. splits["oos_test"]]);
    }

    private static Dictionary<string, List<LabeledText>> Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "clinc150", "data_full.json");
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var splits = new Dictionary<string, List<LabeledText>>(StringComparer.Ordinal);
        foreach (var split in document.RootElement.EnumerateObject())
        {
            splits[split.Name] = split.Value.EnumerateArray()
                .Select(pair => new LabeledText(pair[0].GetString() ?? "", Label(pair[1].GetString() ?? "")))
                .ToList();
        }
        return splits;
    }

    private static string Label(string upstream) =>
        upstream == UpstreamOutOfScope ? IntentDefinition.OutOfScopeId : upstream;
}
