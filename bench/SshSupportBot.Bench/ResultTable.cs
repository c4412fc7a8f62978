using System.Globalization;
using Spectre.Console;

namespace SshSupportBot.Bench;

/// <summary>Our figures as one more row under the published ones, so the comparison reads at a glance.</summary>
internal static class ResultTable
{
    private const string None = "[grey]—[/]";

    public static Table Clinc(IReadOnlyList<BenchmarkResult> results)
    {
        var table = new Table().Title("CLINC150 Full: test + oos_test (threshold chosen on val + oos_val)")
            .AddColumn("Classifier")
            .AddColumn(new TableColumn("oos-train\nin-scope acc %").RightAligned())
            .AddColumn(new TableColumn("oos-train\nOOS recall %").RightAligned())
            .AddColumn(new TableColumn("oos-threshold\nin-scope acc %").RightAligned())
            .AddColumn(new TableColumn("oos-threshold\nOOS recall %").RightAligned())
            .AddColumn(new TableColumn("train s").RightAligned())
            .AddColumn(new TableColumn("p50 µs").RightAligned())
            .AddColumn(new TableColumn("p99 µs").RightAligned())
            .AddColumn(new TableColumn("queries/s").RightAligned());
        foreach (var row in PublishedFigures.Clinc)
        {
            table.AddRow(Markup.Escape(row.Classifier), Number(row.OosTrainAccuracy), Number(row.OosTrainRecall),
                Number(row.ThresholdAccuracy), Number(row.ThresholdRecall), None, None, None, None);
        }
        var oosTrain = results.FirstOrDefault(r => r.Method == "oos-train");
        var threshold = results.FirstOrDefault(r => r.Method == "oos-threshold");
        if (oosTrain is not null || threshold is not null)
        {
            // Timing comes from the configuration the app uses (oos-train) when both were run.
            var timed = oosTrain ?? threshold!;
            table.AddRow("[bold]SshSupportBot (ML.NET, linear)[/]",
                Percent(oosTrain?.InScopeAccuracy), Percent(oosTrain?.OosRecall),
                Percent(threshold?.InScopeAccuracy), Percent(threshold?.OosRecall),
                Seconds(timed.TrainSeconds), Micro(timed.P50Microseconds), Micro(timed.P99Microseconds), Rate(timed.ThroughputQps));
        }
        return table;
    }

    public static Table Banking(BenchmarkResult result)
    {
        var table = new Table().Title("BANKING77: test.csv (no out-of-scope class)")
            .AddColumn("Setting")
            .AddColumn("Model")
            .AddColumn(new TableColumn("accuracy %").RightAligned())
            .AddColumn(new TableColumn("train s").RightAligned())
            .AddColumn(new TableColumn("p50 µs").RightAligned())
            .AddColumn(new TableColumn("p99 µs").RightAligned())
            .AddColumn(new TableColumn("queries/s").RightAligned());
        foreach (var row in PublishedFigures.Banking)
        {
            table.AddRow(Markup.Escape(row.Setting), Markup.Escape(row.Model), Number(row.Accuracy), None, None, None, None);
        }
        table.AddRow("Full training data", "[bold]SshSupportBot (ML.NET, linear)[/]", Percent(result.InScopeAccuracy),
            Seconds(result.TrainSeconds), Micro(result.P50Microseconds), Micro(result.P99Microseconds), Rate(result.ThroughputQps));
        return table;
    }

    public static string Details(BenchmarkResult r)
    {
        var line = FormattableString.Invariant(
            $"{r.Dataset} {r.Method}: {r.Variant}; threshold min confidence {r.Policy.MinConfidence:0.00}, margin {r.Policy.MinMargin:0.00}");
        if (r.ValidationInScopeAccuracy is { } accuracy)
        {
            line += FormattableString.Invariant($"; validation in-scope {accuracy * 100:0.00} %");
        }
        if (r.ValidationOosRecall is { } recall)
        {
            line += FormattableString.Invariant($", OOS recall {recall * 100:0.0} %");
        }
        return line;
    }

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.00", CultureInfo.InvariantCulture) : None;

    private static string Seconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Micro(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
