namespace SshSupportBot.Diagnostics;

/// <summary>A deterministic reader of one kind of pasted output (an OpenSSH error, a permission listing, …).</summary>
internal interface IPasteAnalyzer
{
    IEnumerable<Finding> Analyze(PastedText paste);
}
