using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SshSupportBot.Nlu;

namespace SshSupportBot.Cli;

/// <summary>The evaluation as JSON for scripts and as one self-contained HTML page for people (no network needed).</summary>
internal static class EvaluationReportWriter
{
    public static string Json(EvaluationReport report)
    {
        var document = new
        {
            accuracy = report.Accuracy,
            macro_f1 = report.MacroF1,
            weighted_f1 = report.WeightedF1,
            thresholds = new { min_confidence = report.Policy.MinConfidence, min_margin = report.Policy.MinMargin },
            intents = report.PerIntent.Select(m => new { intent = m.Intent, precision = m.Precision, recall = m.Recall, f1 = m.F1, support = m.Support }),
            errors = report.Errors.Select(e => new { text = e.Text, truth = e.Truth, predicted = e.Predicted, confidence = e.Confidence }),
            confusion = new
            {
                labels = report.Labels,
                matrix = Enumerable.Range(0, report.Labels.Count)
                    .Select(r => Enumerable.Range(0, report.Labels.Count).Select(c => report.Confusion[r, c]).ToArray()),
            },
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions(ReplyJson.Options) { WriteIndented = true });
    }

    public static IEnumerable<(string Truth, string Predicted, int Count)> TopConfusions(EvaluationReport report, int count) =>
        from r in Enumerable.Range(0, report.Labels.Count)
        from c in Enumerable.Range(0, report.Labels.Count)
        where r != c && report.Confusion[r, c] > 0
        orderby report.Confusion[r, c] descending
        select (report.Labels[r], report.Labels[c], report.Confusion[r, c]);

    public static string Html(EvaluationReport report)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>SshSupportBot — classifier evaluation</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:1rem 0}
            td,th{border:1px solid #ccc;padding:.25rem .5rem;font-size:.85rem}
            th{background:#f4f4f4}
            .heat td{width:1.6rem;text-align:center;padding:.15rem}
            .heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}
            .num{text-align:right}
            .bar-ok{fill:#3a8f4b}.bar-bad{fill:#c0392b}
            </style></head><body>
            <h1>Classifier evaluation</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Held-out (cross-validated) predictions, as the bot acts on them. Accuracy <b>{report.Accuracy:P1}</b>, macro-F1 <b>{report.MacroF1:F3}</b>, weighted F1 {report.WeightedF1:F3}. Declines below confidence {report.Policy.MinConfidence:F2} or top-2 margin {report.Policy.MinMargin:F2}.</p>");

        html.Append("<h2>Per intent</h2><table><tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>");
        foreach (var m in report.PerIntent.OrderBy(m => m.F1))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(m.Intent)}</td><td class=num>{m.Precision:F3}</td><td class=num>{m.Recall:F3}</td><td class=num>{m.F1:F3}</td><td class=num>{m.Support}</td></tr>");
        }
        html.Append("</table>");

        html.Append("<h2>Confusion matrix</h2><p>Rows: true intent; columns: predicted. Colour: share of the row.</p><table class=heat><tr><th></th>");
        foreach (var label in report.Labels)
        {
            html.Append($"<th class=col>{E(label)}</th>");
        }
        html.Append("</tr>");
        for (var r = 0; r < report.Labels.Count; r++)
        {
            var rowTotal = Enumerable.Range(0, report.Labels.Count).Sum(c => report.Confusion[r, c]);
            html.Append($"<tr><th>{E(report.Labels[r])}</th>");
            for (var c = 0; c < report.Labels.Count; c++)
            {
                var n = report.Confusion[r, c];
                var share = rowTotal == 0 ? 0 : (double)n / rowTotal;
                var colour = r == c ? $"rgba(58,143,75,{share:F2})" : $"rgba(192,57,43,{Math.Min(1, share * 3):F2})";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:{colour}\" title=\"{E(report.Labels[r])} → {E(report.Labels[c])}: {n}\">{(n == 0 ? "" : n)}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");

        html.Append("<h2>Confidence histogram</h2><p>Top-intent probability of each held-out prediction; green when the bot's decision was right, red when wrong.</p>");
        html.Append(Histogram(report));

        html.Append("<h2>Misclassified examples</h2><table><tr><th>text</th><th>truth</th><th>predicted</th><th>confidence</th></tr>");
        foreach (var e in report.Errors)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(e.Text)}</td><td>{E(e.Truth)}</td><td>{E(e.Predicted)}</td><td class=num>{e.Confidence:F3}</td></tr>");
        }
        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    private static string Histogram(EvaluationReport report)
    {
        const int bins = 20, width = 600, height = 200;
        var right = new int[bins];
        var wrong = new int[bins];
        foreach (var (confidence, correct) in report.Confidences)
        {
            var bin = Math.Clamp((int)(confidence * bins), 0, bins - 1);
            (correct ? right : wrong)[bin]++;
        }
        var max = Math.Max(1, Enumerable.Range(0, bins).Max(i => right[i] + wrong[i]));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height + 20}\" role=\"img\" aria-label=\"confidence histogram\">");
        var barWidth = width / bins;
        for (var i = 0; i < bins; i++)
        {
            var okHeight = right[i] * height / max;
            var badHeight = wrong[i] * height / max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=bar-ok x=\"{i * barWidth}\" y=\"{height - okHeight}\" width=\"{barWidth - 2}\" height=\"{okHeight}\"><title>{i * 5}–{i * 5 + 5}%: {right[i]} right</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=bar-bad x=\"{i * barWidth}\" y=\"{height - okHeight - badHeight}\" width=\"{barWidth - 2}\" height=\"{badHeight}\"><title>{i * 5}–{i * 5 + 5}%: {wrong[i]} wrong</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{height + 15}\" font-size=\"11\">0</text><text x=\"{width - 25}\" y=\"{height + 15}\" font-size=\"11\">1.0</text></svg>");
        return svg.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
