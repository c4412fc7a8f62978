using SshSupportBot.Intents;

namespace SshSupportBot.Nlu;

/// <summary>
/// Loads the saved model when it was trained from this very knowledge base, and otherwise trains one:
/// cross-validation picks the out-of-scope thresholds, then a model is fitted on everything and saved.
/// </summary>
internal sealed class ClassifierBuilder(ClassifierSettings settings, ModelStore store)
{
    public sealed record Built(IntentClassifier Classifier, ModelMetadata Metadata, bool Trained, IReadOnlyList<HeldOutPrediction>? HeldOut);

    public Built LoadOrTrain(KnowledgeBase knowledgeBase, bool forceTraining = false, IProgress<string>? progress = null)
    {
        var parameters = settings.ToTrainingParameters();
        var fingerprint = Fingerprint(parameters, settings);
        if (!forceTraining && store.TryLoad(knowledgeBase.ContentHash, fingerprint) is { } saved)
        {
            return new Built(new IntentClassifier(saved.Model, knowledgeBase, Policy(saved.Metadata)), saved.Metadata, Trained: false, HeldOut: null);
        }

        var examples = TrainingData(knowledgeBase);
        var trainer = new IntentModelTrainer(parameters);
        progress?.Report($"Cross-validating on {examples.Count} examples ({settings.Folds} folds) to choose the thresholds…");
        var heldOut = new CrossValidator(trainer).Predict(examples, settings.Folds,
            new Progress<int>(done => progress?.Report($"  fold {done}/{settings.Folds} done")));
        var tuned = new ThresholdTuner(settings.WrongAnswerCost).Tune(heldOut);
        var report = EvaluationReport.From(heldOut, tuned);
        progress?.Report("Training the final model on every example…");
        var model = trainer.Train(examples);
        var metadata = new ModelMetadata(knowledgeBase.ContentHash, fingerprint, DateTimeOffset.UtcNow, tuned.MinConfidence, tuned.MinMargin,
            report.MacroF1, report.Accuracy, examples.Count, knowledgeBase.Intents.Count);
        store.Save(model, metadata);
        return new Built(new IntentClassifier(model, knowledgeBase, Policy(metadata)), metadata, Trained: true, heldOut);
    }

    public static List<LabeledText> TrainingData(KnowledgeBase knowledgeBase) =>
        knowledgeBase.Intents.SelectMany(i => i.Examples.Select(e => new LabeledText(e.Text, i.Id))).ToList();

    private OutOfScopePolicy Policy(ModelMetadata metadata) =>
        new(settings.MinConfidence ?? metadata.MinConfidence, settings.MinMargin ?? metadata.MinMargin);

    /// <summary>Every knob that changes the model, so a saved model is reused only for exactly these settings.</summary>
    private static string Fingerprint(TrainingParameters parameters, ClassifierSettings settings) =>
        $"{parameters}/pipeline={IntentModelTrainer.Revision}/cost={settings.WrongAnswerCost}/folds={settings.Folds}";
}
