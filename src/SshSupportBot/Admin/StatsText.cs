using System.Text;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>Usage statistics as plain text, for the terminal and for an admin's chat.</summary>
internal static class StatsText
{
    public static string Render(UsageStats stats, int top = 15)
    {
        var text = new StringBuilder();
        text.Append($"Since {stats.Since:yyyy-MM-dd HH:mm} UTC: {stats.Turns} turns\n");
        text.Append($"Out of scope (declined): {stats.Declined} ({Rate(stats.Declined, stats.Turns)}), low confidence: {stats.LowConfidence} ({Rate(stats.LowConfidence, stats.Turns)})\n");
        var votes = stats.Helpful + stats.NotHelpful;
        text.Append($"Feedback: 👍 {stats.Helpful}, 👎 {stats.NotHelpful} (👎 rate {Rate(stats.NotHelpful, votes)}); hand-offs: {stats.Handoffs}\n");
        foreach (var (intent, language, count) in stats.ByIntent.Take(top))
        {
            text.Append($"  {intent,-32} {language.ToString().ToLowerInvariant()}  {count}\n");
        }
        return text.ToString().TrimEnd();
    }

    public static string Rate(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.0}%";

    /// <summary>"7d", "24h", "30m" or a date; null when the text is neither.</summary>
    public static DateTimeOffset? ParseSince(string? since, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(since))
        {
            return now.AddDays(-7);
        }
        if (since.Length > 1 && int.TryParse(since[..^1], out var amount) && amount >= 0)
        {
            switch (since[^1])
            {
                case 'd': return now.AddDays(-amount);
                case 'h': return now.AddHours(-amount);
                case 'm': return now.AddMinutes(-amount);
            }
        }
        return DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }
}
