namespace SshSupportBot.Common;

/// <summary>
/// Test-only crash points for the outbox's kill tests: with <c>SSHBOT_TEST_CRASH_AT=point@eventKeyPart</c> in the
/// environment the process kills itself (SIGKILL, nothing flushed, no shutdown hook) when a turn whose event key contains
/// the part reaches the point. Unset in every deployment, so each check is one string comparison.
/// </summary>
internal static class FaultInjection
{
    public const string AfterCommit = "after-commit";
    public const string BeforeSend = "before-send";
    public const string AfterSend = "after-send";

    public const string Variable = "SSHBOT_TEST_CRASH_AT";

    private static readonly (string Point, string EventKeyPart)? Armed = Parse(Environment.GetEnvironmentVariable(Variable));

    public static void CrashIfArmed(string point, string eventKey)
    {
        if (Armed is { } armed && armed.Point == point && eventKey.Contains(armed.EventKeyPart, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{Variable}: crashing at {point} of {eventKey}");
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
    }

    private static (string, string)? Parse(string? value) =>
        value?.Split('@', 2) is [var point, var part] && point.Length > 0 && part.Length > 0 ? (point, part) : null;
}
