namespace SshSupportBot.Probes;

/// <summary>How far a probe got. The lower-case names are the <c>probe --json</c> contract.</summary>
internal enum ProbeStatus
{
    Ok,
    Refused,
    Timeout,
    Dns,
    Error,
}

internal static class ProbeStatusNames
{
    public static string Name(this ProbeStatus status) => status switch
    {
        ProbeStatus.Ok => "ok",
        ProbeStatus.Refused => "refused",
        ProbeStatus.Timeout => "timeout",
        ProbeStatus.Dns => "dns",
        _ => "error",
    };
}
