using SshSupportBot.Authoring;
using SshSupportBot.Intents;

namespace SshSupportBot.Dialogue;

/// <summary>The dialogue files as they were when the program was built (embedded resources), the fallback for a broken or missing copy.</summary>
internal static class ShippedDialogue
{
    private static readonly Lazy<DialogueData> Shipped = new(Load);

    public static DialogueData Value => Shipped.Value;

    private static DialogueData Load()
    {
        var issues = new List<ValidationIssue>();
        var data = new DialogueFileParser().Parse(Read(DialogueFileParser.AnswersFile), Read(DialogueFileParser.PhrasesFile), "embedded", issues, fallback: null);
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            throw new InvalidOperationException("The dialogue files built into the program are invalid: " + string.Join("; ", issues));
        }
        return data;
    }

    private static string Read(string name)
    {
        using var stream = typeof(ShippedDialogue).Assembly.GetManifestResourceStream("dialogue/" + name)
            ?? throw new InvalidOperationException($"The program was built without its dialogue file '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
