namespace SshSupportBot.Diagnostics;

/// <summary>Runs every analyzer over a paste; the findings come back strongest first.</summary>
internal sealed class Diagnostician(IEnumerable<IPasteAnalyzer> analyzers)
{
    private readonly IReadOnlyList<IPasteAnalyzer> _analyzers = analyzers.ToList();

    public IReadOnlyList<Finding> Diagnose(string text)
    {
        var paste = new PastedText(text);
        return _analyzers
            .SelectMany(a => a.Analyze(paste))
            .Select((finding, order) => (finding, order))
            .OrderByDescending(x => x.finding.Severity)
            .ThenBy(x => x.order)
            .Select(x => x.finding)
            .ToList();
    }
}
