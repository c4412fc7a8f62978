namespace SshSupportBot.Probes;

/// <summary>
/// Something wrong with one of an account's login files, and the command an administrator runs on the gateway to fix it.
/// <see cref="BlocksLogin"/> is true when sshd (StrictModes) refuses the keys because of it, false for advice.
/// </summary>
internal sealed record ServerCheckFinding(string Role, string Path, bool BlocksLogin, string Problem, string Fix);
