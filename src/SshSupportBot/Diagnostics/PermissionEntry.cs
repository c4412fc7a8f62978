namespace SshSupportBot.Diagnostics;

/// <summary>One path and its mode from a pasted listing (stat or ls), with the owner when the listing shows it.</summary>
internal sealed record PermissionEntry(string Path, int Mode, bool IsDirectory, string? Owner, string? Group)
{
    public string Name => Path.TrimEnd('/') is var trimmed && trimmed.LastIndexOf('/') is var slash and >= 0 ? trimmed[(slash + 1)..] : Path;

    public string? Parent => Path.TrimEnd('/') is var trimmed && trimmed.LastIndexOf('/') is var slash and > 0 ? trimmed[..slash] : null;

    public string Octal => Convert.ToString(Mode, 8).PadLeft(3, '0');
}
