using Microsoft.Extensions.Configuration;
using SshSupportBot.Hosting;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Nlu;

/// <summary>
/// A bad edit to intents/ (examples moved to the wrong intent, two intents that overlap) shows up as a drop of
/// the cross-validated macro-F1, which the training that every run does (or reuses for this very knowledge base) records.
/// </summary>
public sealed class CrossValidationGateTests
{
    /// <summary>The floor the server applies on reload (<c>Classifier:MacroF1Floor</c> in the shipped appsettings.json, else its default), so CI and a reload agree.</summary>
    private static double ConfiguredMacroF1Floor() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", "SshSupportBot", "appsettings.json"), optional: false)
            .Build()
            .Classifier()
            .MacroF1Floor;

    [Fact]
    public void Cross_validated_macro_f1_of_the_knowledge_base_stays_above_the_configured_floor()
    {
        var metadata = TrainedBot.Runtime.Built.Metadata;
        var floor = ConfiguredMacroF1Floor();

        Assert.Equal(TrainedBot.Runtime.KnowledgeBase.ContentHash, metadata.KnowledgeBaseHash);
        Assert.True(metadata.CrossValidatedMacroF1 >= floor,
            $"Cross-validated macro-F1 is {metadata.CrossValidatedMacroF1:F3}, below the configured floor {floor} (Classifier:MacroF1Floor). Run 'sshbot eval --report reports/' to see which intents got confused.");
    }

    [Fact]
    public void The_chosen_thresholds_decline_something_but_not_everything()
    {
        var policy = TrainedBot.Runtime.Answerer.Classifier.Policy;

        Assert.InRange(policy.MinConfidence, 0.05f, 0.95f);
    }
}
