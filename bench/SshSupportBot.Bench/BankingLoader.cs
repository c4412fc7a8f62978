using Microsoft.ML;
using Microsoft.ML.Data;
using SshSupportBot.Nlu;

namespace SshSupportBot.Bench;

/// <summary>
/// Reads BANKING77. The CSV quotes fields RFC 4180 style with embedded <c>""</c> and line breaks inside
/// quotes, so it goes through ML.NET's loader with quoting and multi-line records switched on.
/// </summary>
internal static class BankingLoader
{
    public static Dataset Load(string dataDirectory)
    {
        var context = new MLContext(seed: 1);
        var loader = context.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            AllowQuoting = true,
            ReadMultilines = true,
            TrimWhitespace = false,
            Columns =
            [
                new TextLoader.Column("Text", DataKind.String, 0),
                new TextLoader.Column("Label", DataKind.String, 1),
            ],
        });
        // No threshold to choose (no out-of-scope class), so the whole of train.csv is used for training.
        return new Dataset("banking77", "full", Read(context, loader, dataDirectory, "train.csv"), null, Read(context, loader, dataDirectory, "test.csv"));
    }

    private static List<LabeledText> Read(MLContext context, TextLoader loader, string dataDirectory, string file)
    {
        var data = loader.Load(Path.Combine(dataDirectory, "banking77", file));
        return context.Data.CreateEnumerable<ModelInput>(data, reuseRowObject: false)
            .Select(row => new LabeledText(row.Text, row.Label))
            .ToList();
    }
}
