namespace SshSupportBot.Diagnostics;

/// <summary>
/// The analyzers every message goes through. Findings are sorted by severity, and within one severity by this
/// order, so root causes come before the symptoms they produce (an unprotected key before "Permission denied").
/// </summary>
internal static class Analyzers
{
    public static IReadOnlyList<IPasteAnalyzer> All() =>
    [
        new PrivateKeyPasteAnalyzer(),
        new ConfigPermissionsAnalyzer(),
        new UnprotectedKeyAnalyzer(),
        new KeyUnreadableAnalyzer(),
        new KeyFormatAnalyzer(),
        new WindowsKeyAclAnalyzer(),
        new ServerModesAnalyzer(),
        new UserNameShapeAnalyzer(),
        new PassphraseAnalyzer(),
        new HostKeyChangedAnalyzer(),
        new HostKeyUnknownAnalyzer(),
        new KeyAlgorithmAnalyzer(),
        new ConnectionFailureAnalyzer(),
        new SshCommandLineAnalyzer(),
        new TooManyAuthFailuresAnalyzer(),
        new PuttyMessagesAnalyzer(),
        new FingerprintComparisonAnalyzer(),
        new PermissionListingAnalyzer(),
        new PublickeyDeniedAnalyzer(),
        new ConnectionDropAnalyzer(),
        new EffectiveConfigAnalyzer(),
        new LoginSucceededAnalyzer(),
        new HostKeyAddedAnalyzer(),
    ];
}
