namespace SshSupportBot.Storage;

/// <summary>Whether the configured store answers now, for <c>/readyz</c>.</summary>
internal interface IStorageHealth
{
    string Kind { get; }

    /// <summary>Null when reachable; otherwise a short reason without secrets.</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);

    /// <summary>Something operators should know that does not stop the bot (a damaged database kept aside at start).</summary>
    string? Notice => null;
}
