namespace SshSupportBot.Hosting;

/// <summary>How long a stopping server gives in-flight turns; below Kubernetes' default 30 s grace so the pod is not killed first.</summary>
internal static class ShutdownGrace
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
}
