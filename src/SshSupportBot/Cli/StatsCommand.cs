using SshSupportBot.Storage;
using SshSupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SshSupportBot.Languages;
using System.CommandLine;
using System.Text.Json;
using SshSupportBot.Admin;

namespace SshSupportBot.Cli;

internal static class StatsCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "The period: 7d, 24h, 30m or a date (default 7d)." };
        var json = new Option<bool>("--json") { Description = "Print the numbers as JSON." };
        var command = new Command("stats", "Usage by intent and language, out-of-scope and 👎 rates over a period.") { since, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (StatsText.ParseSince(parse.GetValue(since), DateTimeOffset.UtcNow) is not { } from)
            {
                Console.Error.WriteLine($"'--since {parse.GetValue(since)}' is not a period (7d, 24h, 30m) or a date (2026-11-01).");
                return 2;
            }
            await using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
            var stats = await services.GetRequiredService<IFeedbackStore>().StatsAsync(from, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    since = stats.Since,
                    turns = stats.Turns,
                    declined = stats.Declined,
                    lowConfidence = stats.LowConfidence,
                    helpful = stats.Helpful,
                    notHelpful = stats.NotHelpful,
                    handoffs = stats.Handoffs,
                    byIntent = stats.ByIntent.Select(b => new { intent = b.Intent, language = b.Language.ToString().ToLowerInvariant(), count = b.Count }),
                }));
            }
            else
            {
                Console.WriteLine(StatsText.Render(stats, top: 100));
            }
            return 0;
        });
        return command;
    }
}
