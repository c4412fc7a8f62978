using System.Collections.Concurrent;
using Renci.SshNet;

namespace SshSupportBot.Probes;

/// <summary>
/// Runs the administrators' fixed, read-only account check on the gateway with the bot's service account, for an account an
/// administrator names, at most once per interval per account, and logs each request with who asked.
/// </summary>
internal sealed class ServerCheck(ServerCheckSettings options, TimeProvider timeProvider, ILogger<ServerCheck> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRun = new(StringComparer.Ordinal);

    public string Host => options.Host;

    /// <param name="requestedBy">Who asked (e.g. <c>slack:U0ADMIN</c>), for the log.</param>
    public async Task<ServerCheckResult> RunAsync(string requestedBy, string account, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(account, cancellationToken);
        logger.LogInformation("Server-side check requested by {RequestedBy} for account {Account}: {Outcome} ({Detail})",
            requestedBy, account, result.Outcome, result.Detail);
        return result;
    }

    private async Task<ServerCheckResult> CheckAsync(string account, CancellationToken cancellationToken)
    {
        if (options.MissingSettings() is { Count: > 0 } missing)
        {
            return new ServerCheckResult(ServerCheckOutcome.Disabled, $"the server-side check is off until these settings are configured: {string.Join(", ", missing)}");
        }
        if (!AccountName.IsValid(account))
        {
            return new ServerCheckResult(ServerCheckOutcome.InvalidAccount,
                "not a plain account name (lower-case letters, digits, '_' and '-', not starting with '-', at most 32 characters)");
        }
        var now = timeProvider.GetUtcNow();
        var allowed = true;
        _lastRun.AddOrUpdate(account, now, (_, previous) =>
        {
            allowed = now - previous >= options.PerAccountInterval;
            return allowed ? now : previous;
        });
        if (!allowed)
        {
            return new ServerCheckResult(ServerCheckOutcome.RateLimited,
                $"{account} was checked less than {options.PerAccountInterval.TotalSeconds:0} seconds ago; try again shortly", account);
        }

        try
        {
            return await RunCommandAsync(account, cancellationToken);
        }
        catch (Exception e)
        {
            return new ServerCheckResult(ServerCheckOutcome.Failed, e.Message, account);
        }
    }

    private async Task<ServerCheckResult> RunCommandAsync(string account, CancellationToken cancellationToken)
    {
        using var key = new PrivateKeyFile(options.KeyPath);
        var connection = new Renci.SshNet.ConnectionInfo(options.Host, options.Port, options.User, new PrivateKeyAuthenticationMethod(options.User, key))
        {
            Timeout = options.Timeout,
        };
        using var client = new SshClient(connection);
        var hostKeyTrusted = false;
        client.HostKeyReceived += (_, e) =>
        {
            // The service account's key must only ever be offered to the real gateway.
            hostKeyTrusted = options.HostFingerprints.Any(f => SshFingerprint.AreSame(f, SshFingerprint.Of(e.HostKey)));
            e.CanTrust = hostKeyTrusted;
        };
        using var deadline = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await client.ConnectAsync(linked.Token);
        }
        catch (Exception) when (!hostKeyTrusted)
        {
            return new ServerCheckResult(ServerCheckOutcome.Failed, $"{options.Host} did not present a configured host key; not connecting", account);
        }
        // SSH runs one command line through the service account's shell, so the account becomes its own word by quoting: a
        // validated name holds no quote, and single quotes keep the shell from reading anything inside them. The script checks
        // the name again on the gateway.
        using var command = client.CreateCommand($"{options.Command} '{account}'");
        command.CommandTimeout = options.Timeout;
        await command.ExecuteAsync(linked.Token);
        var report = ServerCheckReport.Parse(command.Result);
        client.Disconnect();
        return report.Error switch
        {
            "no-such-account" => new ServerCheckResult(ServerCheckOutcome.Failed, $"there is no account {account} on {options.Host}", account, report),
            { } error => new ServerCheckResult(ServerCheckOutcome.Failed, $"the check reported {error}", account, report),
            null when command.ExitStatus == 0 => new ServerCheckResult(ServerCheckOutcome.Completed,
                $"checked {report.Paths.Count} paths and {report.Keys.Count} keys", account, report, ServerCheckAdvice.For(account, report)),
            _ => new ServerCheckResult(ServerCheckOutcome.Failed, $"the check exited with status {command.ExitStatus}: {command.Error.Trim()}", account, report),
        };
    }
}
