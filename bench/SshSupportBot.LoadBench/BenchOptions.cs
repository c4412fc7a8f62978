using System.Globalization;

namespace SshSupportBot.LoadBench;

/// <summary>Command-line settings; every loop they drive is bounded by these counts and durations.</summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<string> Storages { get; init; } = ["sqlite", "redis"];

    /// <summary>Length of each measured step at one offered rate.</summary>
    public int Seconds { get; init; } = 3;

    public int Runs { get; init; } = 3;

    public IReadOnlyList<int> Rates { get; init; } = [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000];

    /// <summary>One event in this many is a Bot Framework activity; the others are Slack events.</summary>
    public int TeamsEvery { get; init; } = 5;

    public bool Json { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--storage" => options with { Storages = Next() switch { "both" => ["sqlite", "redis"], var s and ("sqlite" or "redis") => [s], var s => throw new ArgumentException($"--storage {s}: use sqlite, redis or both") } },
                "--seconds" => options with { Seconds = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 60) },
                "--runs" => options with { Runs = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 9) },
                "--rates" => options with { Rates = Next().Split(',').Select(r => Math.Clamp(int.Parse(r, CultureInfo.InvariantCulture), 1, 20000)).Take(12).ToList() },
                "--json" => options with { Json = true },
                _ => throw new ArgumentException($"unknown argument {args[i]}; use --storage sqlite|redis|both, --seconds N, --runs N, --rates a,b,c, --json"),
            };
        }
        return options;
    }
}
