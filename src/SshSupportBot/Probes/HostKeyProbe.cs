using Renci.SshNet;
using Renci.SshNet.Common;

namespace SshSupportBot.Probes;

/// <summary>
/// Reads a server's host keys with SSH.NET and hangs up during key exchange, before any authentication: one connection per
/// key type, each offering only that type's algorithms, because a server shows just the one key the negotiation picked.
/// </summary>
internal sealed class HostKeyProbe(TimeProvider timeProvider)
{
    // Never sent: the connection is dropped as soon as the host key arrives. SSH.NET wants an authentication method to exist.
    private const string ProbeUser = "sshbot-probe";

    public HostKeyProbe()
        : this(TimeProvider.System)
    {
    }

    public async Task<HostKeyProbeResult> ProbeAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var attempts = await Task.WhenAll(HostKeyFamily.All.Select(family => ReadAsync(host, port, family, timeout, linked.Token)));

        var fingerprints = attempts.Where(a => a.Fingerprint is not null).ToDictionary(a => a.Family.Name, a => a.Fingerprint!);
        if (fingerprints.Count > 0)
        {
            return new HostKeyProbeResult(ProbeStatus.Ok, fingerprints, $"read {string.Join(", ", fingerprints.Keys)} host keys");
        }
        var status = cancellationToken.IsCancellationRequested ? ProbeStatus.Error
            : deadline.IsCancellationRequested || attempts.Any(a => a.Status == ProbeStatus.Timeout) ? ProbeStatus.Timeout
            : attempts.Any(a => a.Status == ProbeStatus.Refused) ? ProbeStatus.Refused
            : ProbeStatus.Error;
        var detail = string.Join("; ", attempts.Select(a => $"{a.Family.Name}: {a.Detail}"));
        return new HostKeyProbeResult(status, fingerprints, $"no host key could be read ({detail})");
    }

    private static async Task<Attempt> ReadAsync(string host, int port, HostKeyFamily family, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = new Renci.SshNet.ConnectionInfo(host, port, ProbeUser, new NoneAuthenticationMethod(ProbeUser)) { Timeout = timeout };
        foreach (var algorithm in connection.HostKeyAlgorithms.Keys.ToList())
        {
            if (!family.Algorithms.Contains(algorithm))
            {
                connection.HostKeyAlgorithms.Remove(algorithm);
            }
        }

        byte[]? key = null;
        using var client = new SshClient(connection);
        client.HostKeyReceived += (_, e) =>
        {
            key = e.HostKey;
            // Refusing the key aborts the key exchange, so nothing of ours (not even a user name) reaches the server.
            e.CanTrust = false;
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
            return new Attempt(family, null, ProbeStatus.Error, "connected without a host-key check");
        }
        catch (Exception) when (key is not null)
        {
            return new Attempt(family, SshFingerprint.Of(key), ProbeStatus.Ok, "read");
        }
        catch (OperationCanceledException)
        {
            return new Attempt(family, null, ProbeStatus.Timeout, "timed out");
        }
        catch (SshOperationTimeoutException)
        {
            return new Attempt(family, null, ProbeStatus.Timeout, "timed out");
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused)
        {
            return new Attempt(family, null, ProbeStatus.Refused, "connection refused");
        }
        catch (Exception e)
        {
            // Typically "no matching host key algorithm": the server has no key of this type, which is not a failure of the server.
            return new Attempt(family, null, ProbeStatus.Error, e.Message);
        }
    }

    private sealed record Attempt(HostKeyFamily Family, string? Fingerprint, ProbeStatus Status, string Detail);
}
