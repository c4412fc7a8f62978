using SshSupportBot.Probes;

namespace SshSupportBot.Tests.Support;

/// <summary>Counts the probes that really go out, passing them to a real probe (or answering "ok" without a network).</summary>
internal sealed class CountingProbe(IReachabilityProbe? inner = null) : IReachabilityProbe
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<(string Host, int Port)> Probed { get; } = [];

    public Task<ReachabilityResult> ProbeAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (Probed)
        {
            Probed.Add((host, port));
        }
        return inner?.ProbeAsync(host, port, timeout, cancellationToken)
            ?? Task.FromResult(new ReachabilityResult(host, port, ProbeStatus.Ok, "fake", "127.0.0.1", 1, "SSH-2.0-Fake",
                new Dictionary<string, string> { ["ED25519"] = "SHA256:" + new string('A', 43) }));
    }
}
