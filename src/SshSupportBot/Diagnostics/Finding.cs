using SshSupportBot.Intents;

namespace SshSupportBot.Diagnostics;

internal enum FindingSeverity
{
    Info,
    Warning,
    Error,
    Critical,
}

/// <summary>
/// One fact an analyzer established from pasted text: a stable <see cref="Code"/>, the intent it points to,
/// the file it is about, what it means (in both languages) and the exact command that fixes it.
/// </summary>
internal sealed record Finding(
    string Code,
    FindingSeverity Severity,
    string Intent,
    BilingualText Message,
    string? Path = null,
    string? Fix = null);
