using System.Collections.Concurrent;
using Renci.SshNet;

namespace SshSupportBot.Probes;

/// <summary>
/// Runs the administrators' fixed, read-only account check on the gateway with the bot's service account, for the account
/// mapped to the chat user who asks (never an account named in chat), at most once per interval per user, and logs each
/// request for audit.
/// </summary>
internal sealed class ServerCheck(ServerCheckOptions options, TimeProvider timeProvider, ILogger<ServerCheck> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastRun = new(StringComparer.Ordinal);

    public async Task<ServerCheckResult> RunAsync(string chatUserId, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(chatUserId, cancellationToken);
        logger.LogInformation("Server-side check requested by {ChatUser} for account {Account}: {Outcome} ({Detail})",
            chatUserId, result.Account ?? "-", result.Outcome, result.Detail);
        return result;
    }

    private async Task<ServerCheckResult> CheckAsync(string chatUserId, CancellationToken cancellationToken)
    {
        if (!options.Enabled || options.Command.Length == 0 || options.User.Length == 0 || options.KeyPath.Length == 0)
        {
            return new ServerCheckResult(ServerCheckOutcome.Disabled, "the server-side check is not enabled");
        }
        if (options.HostFingerprints.Count == 0)
        {
            return new ServerCheckResult(ServerCheckOutcome.Disabled, $"no host-key fingerprint is configured for {options.Host}, so the check will not connect");
        }
        if (!options.Accounts.TryGetValue(chatUserId, out var account))
        {
            return new ServerCheckResult(ServerCheckOutcome.NotMapped, "this chat user is not mapped to an account");
        }
        if (!AccountName.IsValid(account))
        {
            return new ServerCheckResult(ServerCheckOutcome.InvalidAccount, "the mapped account name is not a valid account name", account);
        }
        var now = timeProvider.GetUtcNow();
        var allowed = true;
        lastRun.AddOrUpdate(chatUserId, now, (_, previous) =>
        {
            allowed = now - previous >= options.PerUserInterval;
            return allowed ? now : previous;
        });
        if (!allowed)
        {
            return new ServerCheckResult(ServerCheckOutcome.RateLimited, $"one check per {options.PerUserInterval.TotalMinutes:0.#} minutes per user", account);
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
        // The account name was validated above, so appending it cannot add shell syntax or an option.
        using var command = client.CreateCommand($"{options.Command} {account}");
        command.CommandTimeout = options.Timeout;
        await command.ExecuteAsync(linked.Token);
        var report = ServerCheckReport.Parse(command.Result);
        client.Disconnect();
        return report.Error is { } error
            ? new ServerCheckResult(ServerCheckOutcome.Failed, $"the check reported {error}", account, report)
            : command.ExitStatus == 0
                ? new ServerCheckResult(ServerCheckOutcome.Completed, $"checked {report.Paths.Count} paths and {report.Keys.Count} keys", account, report)
                : new ServerCheckResult(ServerCheckOutcome.Failed, $"the check exited with status {command.ExitStatus}: {command.Error.Trim()}", account, report);
    }
}
