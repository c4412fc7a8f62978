using Microsoft.Extensions.DependencyInjection;
using SshSupportBot.Authoring;
using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SshSupportBot.Hosting;
using SshSupportBot.Intents;
using SshSupportBot.Nlu;

namespace SshSupportBot.Cli;

internal static class EvalCommand
{
    public static Command Create()
    {
        var folds = new Option<int>("--folds") { Description = "Number of cross-validation folds.", DefaultValueFactory = _ => 5 };
        var report = new Option<string?>("--report") { Description = "Write report.json and report.html (confusion heatmap, confidence histogram) to this directory." };
        var transcripts = new Option<string[]>("--transcripts")
        {
            Description = "Directories of *.transcript files whose replies are measured (default: intents/tests and the test suite's Transcripts, where present).",
            AllowMultipleArgumentsPerToken = true,
        };
        var lengthsOnly = new Option<bool>("--lengths-only") { Description = "Skip cross-validation; print only the reply lengths." };
        var command = new Command("eval",
            "Cross-validate the classifier on intents/ like 'rasa test nlu': per-intent precision, recall, F1, errors, confusions; then reply lengths (median, p95, max per language) over the knowledge base and the transcripts.")
            { folds, report, transcripts, lengthsOnly };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = parse.GetValue(folds);
            if (k < 2)
            {
                Console.Error.WriteLine("--folds must be at least 2.");
                return 2;
            }
            var configuration = BotConfiguration.Build();
            var settings = configuration.Classifier();
            var load = new KnowledgeBaseLoader().Load(BotPaths.ResolveIntents(configuration.Bot().IntentsPath));
            foreach (var issue in load.Issues.Where(i => i.Severity == IssueSeverity.Error))
            {
                Console.Error.WriteLine(issue);
            }
            if (parse.GetValue(lengthsOnly))
            {
                await PrintReplyLengthsAsync(configuration, parse.GetValue(transcripts), cancellationToken);
                return 0;
            }
            var examples = ClassifierBuilder.TrainingData(load.KnowledgeBase);
            var validator = new CrossValidator(new IntentModelTrainer(settings.ToTrainingParameters()));

            IReadOnlyList<HeldOutPrediction> heldOut = [];
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"{k}-fold cross-validation, {examples.Count} examples", maxValue: k);
                    heldOut = validator.Predict(examples, k, new SynchronousProgress(done => task.Value = done));
                });

            var tuned = new ThresholdTuner(settings.WrongAnswerCost).Tune(heldOut);
            var policy = new OutOfScopePolicy(settings.MinConfidence ?? tuned.MinConfidence, settings.MinMargin ?? tuned.MinMargin);
            var result = EvaluationReport.From(heldOut, policy);
            Print(result);
            if (parse.GetValue(report) is { } directory)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "report.json"), EvaluationReportWriter.Json(result));
                File.WriteAllText(Path.Combine(directory, "report.html"), EvaluationReportWriter.Html(result));
                AnsiConsole.MarkupLine($"Report written to [bold]{Markup.Escape(Path.GetFullPath(directory))}[/] (report.json, report.html).");
            }
            await PrintReplyLengthsAsync(configuration, parse.GetValue(transcripts), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task PrintReplyLengthsAsync(Microsoft.Extensions.Configuration.IConfiguration configuration, string[]? directories, CancellationToken cancellationToken)
    {
        using var services = BotComposition.ForCommand(ConsoleProgress.Instance, configuration);
        var runtime = services.GetRequiredService<BotRuntime>();
        var intents = runtime.IntentsPath;
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(intents)) ?? ".";
        var searched = directories is { Length: > 0 }
            ? directories
            : [Path.Combine(intents, "tests"), Path.Combine(root, "tests", "SshSupportBot.Tests", "Transcripts")];
        var files = searched.Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d, "*.transcript")).Order(StringComparer.Ordinal).ToList();
        var samples = ReplyLengthReport.KnowledgeBase(runtime.KnowledgeBase).ToList();
        samples.AddRange(await ReplyLengthReport.TranscriptsAsync(runtime, files, cancellationToken));
        ReplyLengthReport.Print(ReplyLengthReport.Summarize(samples));
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} transcripts replayed without live probes."));
    }

    private static void Print(EvaluationReport report)
    {
        var table = new Table().Title("Per intent (held-out predictions)").AddColumns("intent", "precision", "recall", "F1", "support");
        foreach (var m in report.PerIntent.OrderBy(m => m.F1))
        {
            table.AddRow(Markup.Escape(m.Intent), F(m.Precision), F(m.Recall), F(m.F1), m.Support.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"accuracy [bold]{report.Accuracy:P1}[/], macro-F1 [bold]{report.MacroF1:F3}[/], weighted F1 {report.WeightedF1:F3}; thresholds: confidence {report.Policy.MinConfidence:F2}, margin {report.Policy.MinMargin:F2}"));

        var confusions = new Table().Title("Most frequent confusions").AddColumns("truth", "predicted", "count");
        foreach (var (truth, predicted, count) in EvaluationReportWriter.TopConfusions(report, 15))
        {
            confusions.AddRow(Markup.Escape(truth), Markup.Escape(predicted), count.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(confusions);

        var errors = new Table().Title($"Misclassified examples ({report.Errors.Count}; most confident first)").AddColumns("text", "truth", "predicted", "confidence");
        foreach (var e in report.Errors.Take(25))
        {
            errors.AddRow(Markup.Escape(Shorten(e.Text)), Markup.Escape(e.Truth), Markup.Escape(e.Predicted), F(e.Confidence));
        }
        AnsiConsole.Write(errors);
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "…";

    /// <summary>Spectre's progress callbacks must run on the rendering thread's schedule; Progress&lt;T&gt; would post them elsewhere.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
