using SshSupportBot.Diagnostics;

namespace SshSupportBot.Conversations;

/// <summary>
/// What one reply says, as separate parts composed into its text once (<see cref="ReplyComposer"/>): what the live
/// gateways said, what the paste showed, and the answer. Kept on the reply so a part added later (the probe's
/// advice) is composed with the others instead of stacked on top of them.
/// </summary>
/// <param name="Pasted">The user pasted output (several lines), so "What your output shows" is the right heading.</param>
internal sealed record ReplyParts(ProbeAdvice? Advice, IReadOnlyList<Finding> Findings, bool Pasted, string Answer);

/// <summary>What a live check of the gateways found, with the command it recommends (if any).</summary>
internal sealed record ProbeAdvice(string Heading, string Body, string? Fix = null);
