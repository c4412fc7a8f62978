using SshSupportBot.Nlu;
using SshSupportBot.Intents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SshSupportBot.Authoring;

/// <summary>Reads an admin's YAML file up to its root mapping, turning every way that can fail into a message with a line.</summary>
internal static class AdminYamlFile
{
    /// <param name="notThisKind">What to tell the admin when the file parses but holds no mapping (e.g. an empty file).</param>
    public static YamlMappingNode? LoadRoot(string displayPath, string text, string notThisKind, List<ValidationIssue> issues)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }
            issues.Add(new ValidationIssue(IssueSeverity.Error, new SourceLocation(displayPath, 1), null, notThisKind));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unterminated flow collections.
            issues.Add(SyntaxError(displayPath, 1, e.Message));
        }
        catch (YamlException e)
        {
            issues.Add(SyntaxError(displayPath, (int)e.Start.Line, e.Message));
        }
        return null;
    }

    private static ValidationIssue SyntaxError(string file, int line, string message) =>
        new(IssueSeverity.Error, new SourceLocation(file, Math.Max(1, line)), null,
            $"the file is not valid YAML ({message.Split('\n')[0].Trim().TrimEnd('.')}). Check the indentation, and put text containing ':' '#' or quotes in single quotes or a '|' block.");
}
