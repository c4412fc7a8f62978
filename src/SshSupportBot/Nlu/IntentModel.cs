using SshSupportBot.Languages;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SshSupportBot.Nlu;

/// <summary>A trained ML.NET model and its label names; scores are thread-safe through a pool of prediction engines.</summary>
internal sealed class IntentModel
{
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> _engines;

    public IntentModel(MLContext context, ITransformer transformer, DataViewSchema inputSchema)
    {
        Context = context;
        Transformer = transformer;
        InputSchema = inputSchema;
        Labels = ReadLabels(transformer, inputSchema);
        _engines = new DefaultObjectPool<PredictionEngine<ModelInput, ModelOutput>>(new EnginePolicy(context, transformer, inputSchema), Environment.ProcessorCount * 4);
    }

    public MLContext Context { get; }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Every label with its probability, most likely first.</summary>
    public IReadOnlyList<IntentScore> Score(string text)
    {
        var engine = _engines.Get();
        try
        {
            var output = engine.Predict(new ModelInput { Text = Salutations.StripLeading(TextNormalizer.Normalize(text)) });
            var scores = new IntentScore[Labels.Count];
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = new IntentScore(Labels[i], i < output.Score.Length ? output.Score[i] : 0f);
            }
            Array.Sort(scores, (a, b) => b.Confidence.CompareTo(a.Confidence));
            return scores;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public void Save(string path)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Context.Model.Save(Transformer, InputSchema, temporary);
        File.Move(temporary, path, overwrite: true);
    }

    public static IntentModel Load(string path)
    {
        var context = new MLContext(seed: 1);
        var transformer = context.Model.Load(path, out var schema);
        return new IntentModel(context, transformer, schema);
    }

    private static List<string> ReadLabels(ITransformer transformer, DataViewSchema inputSchema)
    {
        var output = transformer.GetOutputSchema(inputSchema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        output["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    private sealed class EnginePolicy(MLContext context, ITransformer transformer, DataViewSchema schema)
        : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, inputSchema: schema);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> obj) => true;
    }
}
