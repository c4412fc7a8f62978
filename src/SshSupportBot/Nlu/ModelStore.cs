using System.Text.Json;

namespace SshSupportBot.Nlu;

/// <summary>The trained model and its metadata in the data directory, written atomically.</summary>
internal sealed class ModelStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ModelPath => Path.Combine(directory, "model.zip");

    public string MetadataPath => Path.Combine(directory, "model.json");

    public (IntentModel Model, ModelMetadata Metadata)? TryLoad(string knowledgeBaseHash, string optionsFingerprint)
    {
        if (!File.Exists(ModelPath) || !File.Exists(MetadataPath))
        {
            return null;
        }
        try
        {
            var metadata = JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(MetadataPath), Json);
            if (metadata is null || metadata.KnowledgeBaseHash != knowledgeBaseHash || metadata.OptionsFingerprint != optionsFingerprint)
            {
                return null;
            }
            return (IntentModel.Load(ModelPath), metadata);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException)
        {
            // A damaged or foreign file is not worth failing over: the caller retrains.
            return null;
        }
    }

    public void Save(IntentModel model, ModelMetadata metadata)
    {
        Directory.CreateDirectory(directory);
        model.Save(ModelPath);
        var temporary = MetadataPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(metadata, Json));
        File.Move(temporary, MetadataPath, overwrite: true);
    }
}
