using SshSupportBot.Languages;
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
/// <param name="HostKey">For host-key warnings: the host and key the user's client was shown, so the live gateway can be asked.</param>
internal sealed record Finding(
    string Code,
    FindingSeverity Severity,
    string Intent,
    BilingualText Message,
    string? Path = null,
    string? Fix = null,
    HostKeyClaim? HostKey = null);

/// <summary>What a pasted host-key warning claims: this host (and port) presented a key with this fingerprint.</summary>
internal sealed record HostKeyClaim(string Host, int Port, string Fingerprint, bool FirstConnection);
