using Microsoft.Extensions.Configuration;

namespace SshSupportBot.Admin;

/// <summary>The "Review" configuration section: which questions are kept for review and how they are masked.</summary>
internal sealed record ReviewSettings
{
    public const string Section = "Review";

    /// <summary>An answer below the classifier's minimum confidence plus this margin is kept for review.</summary>
    public float LowConfidenceMargin { get; init; } = 0.15f;

    /// <summary>Regular expressions for account names to mask (e.g. "\\b[a-z]{2,}-\\d{3,}\\b"); none by default.</summary>
    public IReadOnlyList<string> MaskAccounts { get; init; } = [];

    /// <summary>How long an answered question is remembered for a later 👎.</summary>
    public TimeSpan FeedbackWindow { get; init; } = TimeSpan.FromDays(2);

    public static ReviewSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ReviewSettings>() ?? new ReviewSettings();
}
