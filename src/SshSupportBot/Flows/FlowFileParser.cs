using SshSupportBot.Intents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SshSupportBot.Flows;

internal sealed class FlowFileParser
{
    public FlowDefinition? Parse(string displayPath, string text, List<ValidationIssue> issues)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Error, new SourceLocation(displayPath, 1), null, "the file does not contain a flow."));
                return null;
            }
            var id = root.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode s ? s.Value : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                issues.Add(new ValidationIssue(IssueSeverity.Error, new SourceLocation(displayPath, 1), null, "the 'id' key is missing."));
                return null;
            }
            return new FlowDefinition(id, 1, new SourceLocation(displayPath, (int)root.Start.Line));
        }
        catch (YamlException e)
        {
            issues.Add(new ValidationIssue(IssueSeverity.Error, new SourceLocation(displayPath, (int)e.Start.Line), null, $"the file is not valid YAML ({e.Message})."));
            return null;
        }
    }
}
