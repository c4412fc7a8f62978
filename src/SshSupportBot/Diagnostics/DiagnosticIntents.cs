namespace SshSupportBot.Diagnostics;

/// <summary>The catalogue intent ids the analyzers point to; the catalogue forbids renaming them, so they live in one place.</summary>
internal static class DiagnosticIntents
{
    public const string PermissionDeniedPublickey = "permission-denied-publickey";
    public const string FilePermissions = "file-permissions";
    public const string KeyMismatch = "key-mismatch";
    public const string WrongUsername = "wrong-username";
    public const string HostKeyChanged = "host-key-changed";
    public const string HostKeyConfirm = "host-key-confirm";
    public const string ConnectionDrops = "connection-drops";
    public const string GatewayNode = "gateway-node";
    public const string UnprotectedPrivateKey = "unprotected-private-key";
    public const string Passphrase = "passphrase";
    public const string TooManyAuthFailures = "too-many-auth-failures";
    public const string ConnectionFailed = "connection-failed";
    public const string WindowsOpenSsh = "windows-openssh";
    public const string KeyAlgorithm = "key-algorithm";
    public const string PrivateKeyExposed = "private-key-exposed";
}
