namespace SshSupportBot.Teams;

/// <summary>The verdict on one inbound request: <see cref="StatusCode"/> is 200 when accepted, else 401 or 403.</summary>
internal sealed record AuthenticationResult(int StatusCode, string Reason)
{
    public bool Succeeded => StatusCode == StatusCodes.Status200OK;

    public static AuthenticationResult Success { get; } = new(StatusCodes.Status200OK, "ok");

    public static AuthenticationResult Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason);

    public static AuthenticationResult Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason);
}
