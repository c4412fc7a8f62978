using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Admin;
using SshSupportBot.Hosting;
using SshSupportBot.Probes;
using SshSupportBot.Storage;

namespace SshSupportBot.Cli;

/// <summary><c>sshbot check-account ACCOUNT</c>: the admins' server-side check from a terminal, audited like <c>admin check</c> in chat.</summary>
internal static class CheckAccountCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var account = new Argument<string>("account") { Description = "The user's account name on the gateway." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object: outcome, detail, findings with fixes, paths, keys." };
        var command = new Command("check-account",
            "For admins: the modes and owners of an account's home, ~/.ssh and authorized_keys on the gateway, read through the service " +
            "account configured in ServerCheck, with the fix for each problem. Exit code 0 when nothing stops key login, 1 when something " +
            "does, 2 when not configured or not an account name, 3 when the check could not run.")
        {
            account, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
            var options = services.GetRequiredService<ServerCheckSettings>();
            var name = parse.GetValue(account) ?? "";
            var actor = $"cli:{Environment.UserName}";
            try
            {
                await services.GetRequiredService<IFeedbackStore>().AuditAsync(actor, "check", name, DateTimeOffset.UtcNow, cancellationToken);
            }
            catch (StorageUnavailableException e)
            {
                // Every server-side check is audited; without the audit log it does not run.
                parse.InvocationConfiguration.Error.WriteLine($"The audit log cannot be written, so the check was not run: {e.Message}");
                return 3;
            }
            var check = services.GetRequiredService<ServerCheck>();
            var result = await check.RunAsync(actor, name, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(parse.GetValue(json) ? Json(options.Host, name, result) : ServerCheckText.Render(options.Host, name, result));
            return result.Outcome switch
            {
                ServerCheckOutcome.Completed => result.Findings!.Any(f => f.BlocksLogin) ? 1 : 0,
                ServerCheckOutcome.Disabled or ServerCheckOutcome.InvalidAccount => 2,
                _ => 3,
            };
        });
        return command;
    }

    private static string Json(string host, string account, ServerCheckResult result) => JsonSerializer.Serialize(new CheckDocument(
        account,
        host,
        result.Outcome.ToString().ToLowerInvariant(),
        result.Detail,
        result.Findings?.Select(f => new FindingDocument(f.Role, f.Path, f.BlocksLogin, f.Problem, f.Fix)).ToList() ?? [],
        result.Report?.Paths.Select(p => new PathDocument(p.Role, p.Path, p.Exists, p.Mode is { } mode ? Convert.ToString(mode, 8).PadLeft(3, '0') : null,
            p.Owner, p.Group, p.Type)).ToList() ?? [],
        result.Report?.Keys.Select(k => new KeyDocument(k.Type, k.Bits, k.Fingerprint)).ToList() ?? []), JsonOptions);

    /// <summary>The <c>check-account --json</c> contract.</summary>
    private sealed record CheckDocument(
        [property: JsonPropertyName("account")] string Account,
        [property: JsonPropertyName("host")] string Host,
        [property: JsonPropertyName("outcome")] string Outcome,
        [property: JsonPropertyName("detail")] string Detail,
        [property: JsonPropertyName("findings")] IReadOnlyList<FindingDocument> Findings,
        [property: JsonPropertyName("paths")] IReadOnlyList<PathDocument> Paths,
        [property: JsonPropertyName("keys")] IReadOnlyList<KeyDocument> Keys);

    private sealed record FindingDocument(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("blocks_login")] bool BlocksLogin,
        [property: JsonPropertyName("problem")] string Problem,
        [property: JsonPropertyName("fix")] string Fix);

    private sealed record PathDocument(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("exists")] bool Exists,
        [property: JsonPropertyName("mode")] string? Mode,
        [property: JsonPropertyName("owner")] string? Owner,
        [property: JsonPropertyName("group")] string? Group,
        [property: JsonPropertyName("type")] string? Type);

    private sealed record KeyDocument(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("bits")] int Bits,
        [property: JsonPropertyName("fingerprint")] string Fingerprint);
}
