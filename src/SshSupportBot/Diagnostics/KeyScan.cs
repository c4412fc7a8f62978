namespace SshSupportBot.Diagnostics;

/// <summary>One stretch of a text that holds a private key, or only its armour.</summary>
/// <param name="HasKeyMaterial">False for a marker quoted without a key ("my file starts with -----BEGIN …").</param>
internal readonly record struct KeyRange(int Start, int End, bool HasKeyMaterial);

/// <summary>What <see cref="PrivateKeyDetector"/> found in one text.</summary>
/// <param name="Ranges">In order and not overlapping.</param>
/// <param name="EndsInsideKey">The text stops inside a key that has not ended (no END line, no Private-MAC): the next message may continue it.</param>
/// <param name="ContinuedKey">The text began with the rest of a key that the previous message started.</param>
/// <param name="ScannedLength">How much of the text was read; the rest (of a text longer than the cap) is unknown.</param>
internal sealed record KeyScan(IReadOnlyList<KeyRange> Ranges, bool EndsInsideKey, bool ContinuedKey, int ScannedLength)
{
    public bool HasKeyMaterial => Ranges.Any(r => r.HasKeyMaterial);
}
